import type { Outcome, PriorityGroup } from '../ticket';

/**
 * What every journal entry says besides its type and data: when, on which hall day, who, at which window, about which
 * ticket. The server's journal (`apps/queue-server/src/store/journal.ts`) writes entries of this shape.
 */
export interface JournalEntryBase {
  at: string;
  hallDay: string;
  actor: string;
  window?: number | null;
  ticketId?: string | null;
  ticketNumber?: string | null;
}

/** What the statistics read of a ticket's journal: the entries of its life, with only the data the figures use. */
export type TicketEntry = JournalEntryBase &
  (
    | {
        type: 'ticket.issued';
        data: {
          windowType: string;
          serviceItem: string | null;
          priority: PriorityGroup | null;
          appointment: string | null;
        };
      }
    | { type: 'ticket.called' | 'ticket.recalled' | 'ticket.started' | 'ticket.markedNoShow' | 'ticket.reactivated' }
    | { type: 'ticket.cancelled'; data: { command: { type: string } } }
    | {
        type: 'ticket.finished' | 'ticket.transferred';
        data: { windowType: string; command: { type: string; outcome?: Outcome; servedItems?: readonly string[] } };
      }
  );

export const TICKET_ENTRY_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.markedNoShow',
  'ticket.reactivated',
  'ticket.cancelled',
  'ticket.finished',
  'ticket.transferred',
] as const satisfies readonly TicketEntry['type'][];

/**
 * How a stint at one queue ended. Served: finished at a window with an outcome (办结, 受理, 一次性告知, 不予受理, 转交);
 * a transfer by the 转交 action is served with the outcome `transferred` too, as it ends a service at a window. `items`
 * are the service items the clerk recorded as handled (none for a transfer; a finish journaled before clerks recorded
 * them, the item chosen at the kiosk).
 */
export type StintEnd =
  { kind: 'served'; outcome: Outcome['kind']; items: readonly string[] } | { kind: 'noShow' } | { kind: 'cancelled' };

/**
 * One stay of a ticket in one queue: from entering it (issue, transfer or reactivation) to leaving it. A ticket has
 * one stint, or more when it is transferred or a no-show is reactivated.
 */
export interface Stint {
  windowType: string;
  queuedAt: string;
  /** The first call of this stint, the window and the clerk who called. */
  firstCall: { at: string; window: number; clerk: string } | null;
  startedAt: string | null;
  /** Where it ended and who ended it, when it ended at a window. */
  endedAt: string | null;
  window: number | null;
  clerk: string | null;
  end: StintEnd | null;
}

/** A ticket's whole day: how it came, and each stint. */
export interface Visit {
  ticketId: string;
  number: string;
  hallDay: string;
  issuedAt: string;
  /** The window type it was issued for. */
  windowType: string;
  serviceItem: string | null;
  priority: PriorityGroup | null;
  appointment: boolean;
  stints: Stint[];
}

const clerkOf = (actor: string): string => actor.replace(/^staff:/, '');

/**
 * The visits the entries tell, in the order their tickets were issued. Entries of one ticket are read in journal order;
 * a ticket whose issue is not among the entries (issued before the period) is left out: a visit is counted once, on
 * its own day.
 */
export function visitsOf(entries: readonly TicketEntry[]): Visit[] {
  const visits = new Map<string, Visit>();
  for (const e of entries) {
    const id = e.ticketId;
    if (!id) continue;
    if (e.type === 'ticket.issued') {
      const { windowType, serviceItem, priority, appointment } = e.data;
      visits.set(id, {
        ticketId: id,
        number: e.ticketNumber ?? '',
        hallDay: e.hallDay,
        issuedAt: e.at,
        windowType,
        serviceItem,
        priority,
        appointment: appointment !== null,
        stints: [newStint(windowType, e.at)],
      });
      continue;
    }
    const visit = visits.get(id);
    if (visit) follow(visit, e);
  }
  return [...visits.values()];
}

function newStint(windowType: string, queuedAt: string): Stint {
  return {
    windowType,
    queuedAt,
    firstCall: null,
    startedAt: null,
    endedAt: null,
    window: null,
    clerk: null,
    end: null,
  };
}

/** One entry of the ticket's life applied to its current (last) stint. */
function follow(visit: Visit, e: TicketEntry): void {
  const stint = visit.stints.at(-1)!;
  const window = e.window ?? null;
  const ended = (end: StintEnd) => Object.assign(stint, { end, endedAt: e.at, window, clerk: clerkOf(e.actor) });
  switch (e.type) {
    case 'ticket.called':
    case 'ticket.recalled':
      stint.firstCall ??= { at: e.at, window: window ?? 0, clerk: clerkOf(e.actor) };
      return;
    case 'ticket.started':
      stint.startedAt ??= e.at;
      return;
    case 'ticket.markedNoShow':
      ended({ kind: 'noShow' });
      return;
    case 'ticket.cancelled':
      ended({ kind: 'cancelled' });
      return;
    case 'ticket.reactivated':
      visit.stints.push(newStint(stint.windowType, e.at));
      return;
    case 'ticket.finished':
    case 'ticket.transferred': {
      const { outcome, servedItems } = e.data.command;
      const kind = outcome?.kind ?? 'transferred';
      ended({
        kind: 'served',
        outcome: kind,
        items: servedItems ?? (kind === 'transferred' ? [] : itemsChosen(visit)),
      });
      // Transferred, it queues again for the type it was handed to (the command names it).
      const to = transferTarget(e.data.command);
      if (to !== null) visit.stints.push(newStint(to, e.at));
      return;
    }
    case 'ticket.issued':
      return;
  }
}

/**
 * What a visit came for: the item chosen at the kiosk, if any. A finish journaled before clerks confirmed served items
 * (and a transfer, which serves none) counts under it.
 */
export const itemsChosen = (visit: Visit): readonly string[] => (visit.serviceItem === null ? [] : [visit.serviceItem]);

/** The window type a transfer hands the ticket to: the 转交 action's, or a finish's whose outcome is 转交. */
export function transferTarget(command: { type: string; outcome?: Outcome }): string | null {
  const c = command as { toWindowType?: string; outcome?: Outcome };
  if (c.outcome?.kind === 'transferred') return c.outcome.toWindowType ?? null;
  return c.toWindowType ?? null;
}
