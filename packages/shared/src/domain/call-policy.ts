import type { CallMode, QueuePolicy, WindowConfig } from '../config/hall-config';
import type { Ticket } from './ticket';
import type { WindowState } from './window';

/** Why a ticket was picked: its class, in the order classes are called. */
export type CallReason = 'transferred_to_window' | 'transferred_to_type' | 'appointment' | 'priority' | 'normal';

export interface PickNextInput {
  window: WindowConfig;
  state: WindowState;
  /** All queued tickets of the day, of any type; tickets in other states are ignored. */
  queued: Ticket[];
  policy: QueuePolicy;
  now: Date;
}

export interface PickNextResult {
  ticket: Ticket;
  reason: CallReason;
  /** The window's priority streak once this ticket is called (store it with the assign command). */
  priorityStreak: number;
}

/** A queue's classes as a window type sees them: the target window of a transfer does not matter here. */
type TypeClass = 'transferred' | 'appointment' | 'priority' | 'normal';
const TYPE_CLASS_ORDER: Record<TypeClass, number> = { transferred: 0, appointment: 1, priority: 2, normal: 3 };

const isQueued = (t: Ticket) => t.state === 'waiting' || t.state === 'transferred';

/** An appointment counts from its slot start; a ticket checked in early queues by its other traits until then. */
function typeClass(t: Ticket, now: Date): TypeClass {
  if (t.state === 'transferred') return 'transferred';
  if (t.appointment !== null && Date.parse(t.appointment.slotStart) <= now.getTime()) return 'appointment';
  if (t.priority !== null) return 'priority';
  return 'normal';
}

/** Oldest rank first; equal ranks fall back to sequence, then id, so the order never depends on input order. */
function byRank(a: Ticket, b: Ticket): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byQueue(now: Date): (a: Ticket, b: Ticket) => number {
  return (a, b) => TYPE_CLASS_ORDER[typeClass(a, now)] - TYPE_CLASS_ORDER[typeClass(b, now)] || byRank(a, b);
}

function oldest(tickets: Ticket[]): Ticket | undefined {
  let best: Ticket | undefined;
  for (const t of tickets) if (best === undefined || byRank(t, best) < 0) best = t;
  return best;
}

function choose(tickets: Ticket[], mode: CallMode, serves: readonly string[]): Ticket | undefined {
  if (mode === 'longest_wait') return oldest(tickets);
  for (const type of serves) {
    const found = oldest(tickets.filter((t) => t.windowType === type));
    if (found) return found;
  }
  return undefined;
}

/**
 * The ticket a window calls next, or null when nobody it serves waits. Classes in order: transferred to this window,
 * transferred to one of its types, appointments whose slot has started, priority, normal. Priority tickets go first
 * at most policy.priorityBurst times in a row while a normal ticket waits, so normal tickets are never starved.
 * Within a class the window's callMode decides (tickets handed to this window by name: oldest first).
 */
export function pickNext(input: PickNextInput): PickNextResult | null {
  const { window, state, queued, policy, now } = input;
  const classes: Record<CallReason, Ticket[]> = {
    transferred_to_window: [],
    transferred_to_type: [],
    appointment: [],
    priority: [],
    normal: [],
  };
  for (const t of queued) {
    if (!isQueued(t)) continue;
    const toWindow = t.state === 'transferred' ? t.transfer?.toWindow : undefined;
    if (toWindow !== undefined) {
      if (toWindow === window.number) classes.transferred_to_window.push(t);
      continue;
    }
    if (!window.serves.includes(t.windowType)) continue;
    const cls = typeClass(t, now);
    classes[cls === 'transferred' ? 'transferred_to_type' : cls].push(t);
  }

  const normalWaits = classes.normal.length > 0;
  const picked = (ticket: Ticket, reason: CallReason): PickNextResult => {
    let priorityStreak = state.priorityStreak;
    if (!normalWaits || reason === 'normal') priorityStreak = 0;
    else if (reason === 'priority') priorityStreak += 1;
    return { ticket, reason, priorityStreak };
  };

  const byName = oldest(classes.transferred_to_window);
  if (byName) return picked(byName, 'transferred_to_window');
  for (const reason of ['transferred_to_type', 'appointment'] as const) {
    const ticket = choose(classes[reason], window.callMode, window.serves);
    if (ticket) return picked(ticket, reason);
  }
  if (!normalWaits || state.priorityStreak < policy.priorityBurst) {
    const ticket = choose(classes.priority, window.callMode, window.serves);
    if (ticket) return picked(ticket, 'priority');
  }
  const ticket = choose(classes.normal, window.callMode, window.serves);
  return ticket ? picked(ticket, 'normal') : null;
}

/**
 * Queued tickets (others are dropped) in the order their window type calls them: class, then rank. The per-window
 * priority burst and call modes are left out: this is the type's own line, as staff screens and tickets show it.
 */
export function orderQueue(tickets: Ticket[], now: Date): Ticket[] {
  return tickets.filter(isQueued).sort(byQueue(now));
}

/** How many queued tickets of the ticket's window type would be called before it. */
export function peopleAhead(ticket: Ticket, queued: Ticket[], now: Date): number {
  const compare = byQueue(now);
  return queued.filter(
    (t) => t.id !== ticket.id && isQueued(t) && t.windowType === ticket.windowType && compare(t, ticket) < 0,
  ).length;
}

/**
 * `peopleAhead` for a ticket just issued (not yet queued), in constant time for the common case: its rank is the
 * newest, so a normal ticket has every queued ticket of its type ahead of it. The list is asked for only otherwise.
 */
export function peopleAheadOfNew(
  ticket: Ticket,
  queuedOfType: { count: number; list: () => Ticket[] },
  now: Date,
): number {
  return typeClass(ticket, now) === 'normal' ? queuedOfType.count : peopleAhead(ticket, queuedOfType.list(), now);
}

/**
 * The rank for a reactivated no-show ticket: `behind` places after the head of its type's normal queue (the normal
 * tickets of queueOfType; other classes have their own order). Between two ranks it takes the midpoint; past the end
 * of the line it goes last; with nobody waiting it ranks as if issued now.
 */
export function reactivationRank(queueOfType: Ticket[], behind: number, now: Date): number {
  const line = queueOfType.filter((t) => isQueued(t) && typeClass(t, now) === 'normal').sort(byRank);
  const last = line[line.length - 1];
  if (last === undefined) return now.getTime();
  const next = line[behind];
  if (next === undefined) return Math.max(now.getTime(), last.rank + 1);
  const ahead = line[behind - 1];
  return ahead === undefined ? next.rank - 1 : (ahead.rank + next.rank) / 2;
}
