import type { QueuePolicy } from '../config/hall-config';
import type { Ticket } from './ticket';
import { transition, type TicketCommand, type TransitionErrorCode } from './transition';
import type { WindowState, WindowStatus } from './window';
import { windowTransition, type WindowCommand } from './window-transition';

/**
 * What a clerk does at a window, each by its one name. The contract's table of window actions (routes, request bodies)
 * is keyed by exactly these names, checked by type in contracts/windows.ts.
 */
export type WindowActionName = 'callNext' | 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'pause' | 'resume';

/** Why an action is not open to the window now: enough for a screen to say it in its own words. */
export type WindowActionBlock =
  /** The window's status stands in the way: calling and pausing need it open, resuming needs it paused. */
  | { code: 'window_status'; status: WindowStatus }
  /** A ticket is called or served here: finish, transfer or mark it no-show first. */
  | { code: 'ticket_in_play' }
  /** The action is on the ticket in play, and there is none. */
  | { code: 'no_ticket' }
  /** The ticket transition refused: its state does not allow it (invalid_state), or it is at another window. */
  | { code: Exclude<TransitionErrorCode, 'not_enough_calls'>; ticket: Ticket }
  /** A no-show needs the ticket called `needed` times; it has been called `calls` times. */
  | { code: 'not_enough_calls'; calls: number; needed: number };

export type WindowActionCheck = { enabled: true } | { enabled: false; reason: WindowActionBlock };

export type WindowActions = Record<WindowActionName, WindowActionCheck>;

const OPEN: WindowActionCheck = { enabled: true };
const blocked = (reason: WindowActionBlock): WindowActionCheck => ({ enabled: false, reason });

// The instant plays no part in whether a transition accepts a command, only in the times it records.
const ANY_TIME = new Date(0);
// What a call would assign: no ticket has this id (ids carry no spaces), so it is never the ticket already in play.
const NEXT_TICKET = 'the next ticket';

/** Asks the window transition; it refuses with a message only, so the block names what stood in its way. */
function windowCheck(window: WindowState, command: WindowCommand): WindowActionCheck {
  if (windowTransition(window, command, ANY_TIME).ok) return OPEN;
  const inPlay = command.type !== 'resume' && window.status === 'open' && window.currentTicket !== null;
  return blocked(inPlay ? { code: 'ticket_in_play' } : { code: 'window_status', status: window.status });
}

/** Asks the ticket transition whether the ticket in play would accept the command. */
function ticketCheck(ticket: Ticket | null, command: TicketCommand, policy: QueuePolicy): WindowActionCheck {
  if (ticket === null) return blocked({ code: 'no_ticket' });
  const result = transition(ticket, command, { now: ANY_TIME, policy });
  if (result.ok) return OPEN;
  if (result.code === 'not_enough_calls') {
    return blocked({ code: 'not_enough_calls', calls: ticket.calls, needed: policy.noShowAfterCalls });
  }
  return blocked({ code: result.code, ticket });
}

/**
 * Which window actions the window would accept now, and why not the others: what the counter panel's buttons show.
 * Derived from the transitions the server runs, never restated: an action on the ticket asks `transition`, calling
 * the next ticket and pausing or resuming ask `windowTransition`. `ticket` is the ticket in play at the window (the
 * one `window.currentTicket` names) as far as the caller knows it; any other ticket is not acted on by the window.
 */
export function allowedWindowActions(ticket: Ticket | null, window: WindowState, policy: QueuePolicy): WindowActions {
  const inPlay = ticket !== null && ticket.id === window.currentTicket ? ticket : null;
  const at = { window: window.number, clerk: window.clerk ?? '' };
  const onTicket = (command: TicketCommand) => ticketCheck(inPlay, command, policy);
  return {
    callNext: windowCheck(window, { type: 'assign', ticketId: NEXT_TICKET }),
    recall: onTicket({ type: 'recall', ...at }),
    noShow: onTicket({ type: 'noShow', ...at }),
    start: onTicket({ type: 'start', ...at }),
    // Whether the service may end does not depend on how: the outcome only shapes what follows.
    finish: onTicket({ type: 'finish', ...at, outcome: { kind: 'completed' }, servedItems: [] }),
    // The target is checked against the hall by the server; the ticket's side is whether it may leave.
    transfer: onTicket({ type: 'transfer', ...at, toWindowType: inPlay?.windowType ?? '' }),
    pause: windowCheck(window, { type: 'pause', reason: 'other' }),
    resume: windowCheck(window, { type: 'resume' }),
  };
}
