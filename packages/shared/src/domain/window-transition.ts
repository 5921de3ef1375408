import type { Post, PauseReason, WindowState } from './window';

export type WindowCommand =
  /** A clerk sits down: opens a closed window, or takes over an open or paused one (AB岗: B steps in at once). */
  | { type: 'login'; clerk: string; post: Post }
  | { type: 'logout'; clerk: string }
  | { type: 'pause'; reason: PauseReason }
  | { type: 'resume' }
  /**
   * The ticket now called or served here (null once it is finished, transferred, no-show or cancelled).
   * A call also stores the window's new priority streak, as pickNext worked it out.
   */
  | { type: 'assign'; ticketId: string | null; priorityStreak?: number };

export type WindowEvent = { type: 'window.updated'; window: WindowState };

export type WindowTransitionResult =
  { ok: true; window: WindowState; events: [WindowEvent] } | { ok: false; code: 'invalid_state'; message: string };

/**
 * One clerk, one window (AB岗 done right): the other window this clerk holds now, open or paused, or null. A clerk who
 * logs in at a second window is refused unless they say they move, and then the first closes cleanly, never with a
 * citizen at it.
 */
export function windowHeldElsewhere(
  windows: readonly WindowState[],
  clerk: string,
  number: number,
): WindowState | null {
  return windows.find((w) => w.number !== number && w.clerk === clerk && w.status !== 'closed') ?? null;
}

/** A window before anyone has logged in. */
export function initialWindowState(number: number, now: Date): WindowState {
  return {
    number,
    status: 'closed',
    pauseReason: null,
    clerk: null,
    post: null,
    currentTicket: null,
    priorityStreak: 0,
    since: now.toISOString(),
  };
}

const refuse = (message: string): WindowTransitionResult => ({ ok: false, code: 'invalid_state', message });

function ok(window: WindowState): WindowTransitionResult {
  return { ok: true, window, events: [{ type: 'window.updated', window }] };
}

/**
 * Applies a command to a window's live state. `since` moves when the status or the clerk changes: it is what the
 * floor screens show as "open since" or "paused since".
 */
export function windowTransition(state: WindowState, command: WindowCommand, now: Date): WindowTransitionResult {
  const at = now.toISOString();
  const name = `window ${state.number}`;

  switch (command.type) {
    case 'login': {
      if (state.status === 'closed') {
        return ok({ ...state, status: 'open', pauseReason: null, clerk: command.clerk, post: command.post, since: at });
      }
      // Status and current ticket stay: the citizen at the counter carries on with the new clerk.
      const since = state.clerk === command.clerk ? state.since : at;
      return ok({ ...state, clerk: command.clerk, post: command.post, since });
    }

    case 'logout': {
      if (state.status === 'closed') return refuse(`${name} is already closed`);
      if (state.clerk !== command.clerk) {
        return refuse(`${name} is staffed by ${state.clerk ?? 'nobody'} now, not ${command.clerk}`);
      }
      if (state.currentTicket !== null) {
        return refuse(`${name} still has a called or served ticket; finish or transfer it before logging out`);
      }
      // A new session starts with a fresh streak.
      return ok({
        ...state,
        status: 'closed',
        pauseReason: null,
        clerk: null,
        post: null,
        priorityStreak: 0,
        since: at,
      });
    }

    case 'pause': {
      if (state.status !== 'open') return refuse(`${name} is ${state.status}; only an open window can pause`);
      if (state.currentTicket !== null) {
        return refuse(`${name} still has a called or served ticket; finish or transfer it before pausing`);
      }
      return ok({ ...state, status: 'paused', pauseReason: command.reason, since: at });
    }

    case 'resume': {
      if (state.status !== 'paused') return refuse(`${name} is ${state.status}; only a paused window can resume`);
      return ok({ ...state, status: 'open', pauseReason: null, since: at });
    }

    case 'assign': {
      const { ticketId, priorityStreak } = command;
      if (ticketId !== null) {
        if (state.status !== 'open') return refuse(`${name} is ${state.status}; only an open window can call`);
        if (state.currentTicket !== null && state.currentTicket !== ticketId) {
          return refuse(`${name} already has a called or served ticket; finish or transfer it first`);
        }
      }
      return ok({
        ...state,
        currentTicket: ticketId,
        priorityStreak: priorityStreak ?? state.priorityStreak,
      });
    }
  }
}
