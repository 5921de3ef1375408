import type { HallFeed } from '@hallq/shared/client';
import type { PublicHall, TicketHistoryEntry, TicketTrace } from '@hallq/shared/contracts';
import { orderQueue, QUEUED_STATES, type Ticket } from '@hallq/shared/domain';
import { openWindowsFor } from '../feed/selectors';

/** Who did a thing to a ticket, from the journal's actor (`staff:c03`, `kiosk:kiosk-1`, `phone`, `system`). */
export type Actor =
  | { kind: 'staff'; id: string; name: string | null }
  | { kind: 'kiosk'; id: string }
  | { kind: 'phone' | 'system' }
  | { kind: 'other'; text: string };

export interface HistoryLine {
  at: string;
  /** The journal type without its `ticket.` (issued, called, markedNoShow …), for the catalogue's words. */
  what: string;
  actor: Actor;
  window: number | null;
}

/** One ticket as the desk explains it: the trace, kept live from the feed where the feed knows better. */
export interface TraceView {
  ticket: Ticket;
  /** 第N位 while it waits; null when it is not in a queue. */
  position: number | null;
  /** Open windows that call its type now; empty means nobody will call it until one opens (暂无窗口办理). */
  servingWindows: number[];
  history: HistoryLine[];
  /** For a no-show only: the button when the rule allows, or the rule's reason when not. */
  reactivation: { allowed: true } | { allowed: false; reason: string } | null;
}

function actorOf(actor: string, hall: PublicHall | null): Actor {
  const colon = actor.indexOf(':');
  const id = actor.slice(colon + 1);
  if (colon > 0 && actor.startsWith('staff:')) return { kind: 'staff', id, name: hall?.clerkNames?.[id] ?? null };
  if (colon > 0 && actor.startsWith('kiosk:')) return { kind: 'kiosk', id };
  if (actor === 'phone' || actor === 'system') return { kind: actor };
  return { kind: 'other', text: actor };
}

function historyLine(entry: TicketHistoryEntry, hall: PublicHall | null): HistoryLine {
  return {
    at: entry.at,
    what: entry.type.replace(/^ticket\./, ''),
    actor: actorOf(entry.actor, hall),
    window: entry.window,
  };
}

/**
 * The trace with the feed's news: the ticket as the feed has it while it is in play, its place in the line as the call
 * policy orders the feed's queued tickets now (the server's own rule, so the two agree), and the windows open now.
 * History and the reactivation rule are the trace's, fetched again whenever the feed shows the ticket changed.
 */
export function traceView(trace: TicketTrace, hall: PublicHall | null, feed: HallFeed | null, now: Date): TraceView {
  const live = feed?.tickets.find((t) => t.id === trace.ticket.id);
  const ticket = live ?? trace.ticket;
  let position = trace.position;
  if (feed && live) {
    const line = orderQueue(
      feed.tickets.filter((t) => t.windowType === ticket.windowType),
      now,
    );
    const place = line.findIndex((t) => t.id === ticket.id);
    position = QUEUED_STATES.includes(ticket.state) && place >= 0 ? place + 1 : null;
  }
  const { allowed, reason } = trace.reactivation;
  return {
    ticket,
    position,
    servingWindows: openWindowsFor(hall, feed, ticket.windowType) ?? trace.servingWindows,
    history: trace.history.map((e) => historyLine(e, hall)),
    // A ticket the feed shows back in play is no longer a no-show, whatever the trace fetched before said.
    reactivation:
      ticket.state !== 'no_show' ? null : allowed ? { allowed: true } : { allowed: false, reason: reason ?? '' },
  };
}
