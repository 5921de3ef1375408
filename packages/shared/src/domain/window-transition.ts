import type { Post, PauseReason, WindowState } from './window';

export type WindowCommand =
  /**
   * A clerk sits down: opens a closed window, or takes over an open or paused one (AB岗: the other post steps in at
   * once). While a citizen is served there the newcomer waits for that service to end, unless `now` says they take it
   * over, citizen and all (the clerk at the counter has gone).
   */
  | { type: 'login'; clerk: string; post: Post; now?: boolean }
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
    incoming: null,
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
      if (state.clerk !== command.clerk && state.currentTicket !== null && !command.now) {
        // The other post arrives while a citizen is served: that service stays with its clerk; the window passes on
        // when it ends (see 'assign').
        return ok({ ...state, incoming: { clerk: command.clerk, post: command.post, since: at } });
      }
      // Nobody is being served: the window passes at once (AB岗), paused or open as it was.
      const since = state.clerk === command.clerk ? state.since : at;
      return ok({ ...state, clerk: command.clerk, post: command.post, since, incoming: null });
    }

    case 'logout': {
      if (state.status === 'closed') return refuse(`${name} is already closed`);
      // The clerk waiting to take over leaves again before the window passed to them.
      if (state.incoming?.clerk === command.clerk) return ok({ ...state, incoming: null });
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
      const assigned = { ...state, currentTicket: ticketId, priorityStreak: priorityStreak ?? state.priorityStreak };
      // The service ended and the other post is waiting: the window is theirs now, as a takeover at once would be.
      if (ticketId === null && state.incoming) {
        const { clerk, post } = state.incoming;
        return ok({ ...assigned, clerk, post, incoming: null, since: at });
      }
      return ok(assigned);
    }
  }
}
