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

/** Who is asking for the order: a window calling (pickNext), or nobody in particular (a window type's own line). */
export interface CallContext {
  now: Date;
  /** The calling window; absent for a type's own line, where a ticket handed to a window counts as transferred. */
  window?: number;
}

/** One class of queued tickets; the first class in CALL_CLASSES whose `takes` holds is the ticket's class. */
export interface CallClass {
  name: CallReason;
  takes: (ticket: Ticket, ctx: CallContext) => boolean;
  /**
   * How a window picks within the class: the oldest ticket, or by its callMode (preference: the first served type
   * with a ticket; longest_wait: the oldest of any served type).
   */
  within: 'oldest' | 'call_mode';
}

/** The window a transferred ticket was handed to by name, if it was. */
const handedTo = (t: Ticket): number | undefined => (t.state === 'transferred' ? t.transfer?.toWindow : undefined);

/**
 * The calling order, the one place it is written: both `pickNext` (a window's next call) and `orderQueue` (a type's
 * line, people ahead) read it. Tickets handed to this window by name, then tickets transferred to one of its types,
 * then appointments whose slot has started (a ticket checked in early queues by its other traits until then), then
 * priority groups, then everyone else. Priority alone may yield its turn: see `pickNext`.
 */
export const CALL_CLASSES: readonly CallClass[] = [
  {
    name: 'transferred_to_window',
    takes: (t, { window }) => window !== undefined && handedTo(t) === window,
    // Handed over by name, whatever the type: the window's own preference among types does not apply.
    within: 'oldest',
  },
  { name: 'transferred_to_type', takes: (t) => t.state === 'transferred', within: 'call_mode' },
  {
    name: 'appointment',
    takes: (t, { now }) => t.appointment !== null && Date.parse(t.appointment.slotStart) <= now.getTime(),
    within: 'call_mode',
  },
  { name: 'priority', takes: (t) => t.priority !== null, within: 'call_mode' },
  { name: 'normal', takes: () => true, within: 'call_mode' },
];

const isQueued = (t: Ticket) => t.state === 'waiting' || t.state === 'transferred';

/** The index in CALL_CLASSES of the ticket's class. */
function classIndex(t: Ticket, ctx: CallContext): number {
  // A plain loop: this runs for every comparison of a sort, and for every ticket of every status recomputation.
  for (let i = 0; i < CALL_CLASSES.length; i++) if (CALL_CLASSES[i]!.takes(t, ctx)) return i;
  throw new TypeError('the last call class takes every ticket');
}

const isNormal = (t: Ticket, now: Date) => CALL_CLASSES[classIndex(t, { now })]?.name === 'normal';

/** Oldest rank first; equal ranks fall back to sequence, then id, so the order never depends on input order. */
function byRank(a: Ticket, b: Ticket): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
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
 * The ticket a window calls next, or null when nobody it serves waits: the first class of CALL_CLASSES with a ticket
 * for this window. Priority tickets go first at most policy.priorityBurst times in a row while a normal ticket
 * waits, so normal tickets are never starved.
 */
export function pickNext(input: PickNextInput): PickNextResult | null {
  const { window, state, queued, policy, now } = input;
  const ctx: CallContext = { now, window: window.number };
  const waiting = CALL_CLASSES.map((cls) => ({ cls, tickets: [] as Ticket[] }));
  for (const t of queued) {
    if (!isQueued(t)) continue;
    const toWindow = handedTo(t);
    const mayCall = toWindow !== undefined ? toWindow === window.number : window.serves.includes(t.windowType);
    if (mayCall) waiting[classIndex(t, ctx)]!.tickets.push(t);
  }

  const normalWaits = waiting.some(({ cls, tickets }) => cls.name === 'normal' && tickets.length > 0);
  const priorityYields = normalWaits && state.priorityStreak >= policy.priorityBurst;
  for (const { cls, tickets } of waiting) {
    if (cls.name === 'priority' && priorityYields) continue;
    const ticket = cls.within === 'oldest' ? oldest(tickets) : choose(tickets, window.callMode, window.serves);
    if (!ticket) continue;
    let priorityStreak = state.priorityStreak;
    if (!normalWaits || cls.name === 'normal') priorityStreak = 0;
    else if (cls.name === 'priority') priorityStreak += 1;
    return { ticket, reason: cls.name, priorityStreak };
  }
  return null;
}

/**
 * Queued tickets (others are dropped) in the order their window type calls them: class, then rank. The per-window
 * priority burst and call modes are left out: this is the type's own line, as staff screens and tickets show it.
 */
export function orderQueue(tickets: Ticket[], now: Date): Ticket[] {
  const ctx: CallContext = { now };
  // Each ticket's class once, not once per comparison.
  return tickets
    .filter(isQueued)
    .map((ticket) => ({ ticket, cls: classIndex(ticket, ctx) }))
    .sort((a, b) => a.cls - b.cls || byRank(a.ticket, b.ticket))
    .map((c) => c.ticket);
}

/** How many queued tickets of the ticket's window type would be called before it. */
export function peopleAhead(ticket: Ticket, queued: Ticket[], now: Date): number {
  const ctx: CallContext = { now };
  const own = classIndex(ticket, ctx);
  let ahead = 0;
  for (const t of queued) {
    if (t.id === ticket.id || !isQueued(t) || t.windowType !== ticket.windowType) continue;
    if ((classIndex(t, ctx) - own || byRank(t, ticket)) < 0) ahead++;
  }
  return ahead;
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
  return isNormal(ticket, now) ? queuedOfType.count : peopleAhead(ticket, queuedOfType.list(), now);
}

/**
 * The rank for a reactivated no-show ticket: `behind` places after the head of its type's normal queue (the normal
 * tickets of queueOfType; other classes have their own order). Between two ranks it takes the midpoint; past the end
 * of the line it goes last; with nobody waiting it ranks as if issued now.
 */
export function reactivationRank(queueOfType: Ticket[], behind: number, now: Date): number {
  const line = queueOfType.filter((t) => isQueued(t) && isNormal(t, now)).sort(byRank);
  const last = line[line.length - 1];
  if (last === undefined) return now.getTime();
  const next = line[behind];
  if (next === undefined) return Math.max(now.getTime(), last.rank + 1);
  const ahead = line[behind - 1];
  return ahead === undefined ? next.rank - 1 : (ahead.rank + next.rank) / 2;
}
