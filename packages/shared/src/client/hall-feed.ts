import type { DeviceEnvelope, DeviceSnapshot, DeviceStream, RecentCall, StaffStream } from '../contracts/events';
import { ENDED_STATES } from '../domain/ticket';

/**
 * What a screen knows of the hall: the snapshot, kept current by the events. Staff screens (`StaffStream`, the
 * default) hold whole tickets; devices (`DeviceStream`) the public view of each.
 */
export type HallFeed<S extends DeviceStream = StaffStream> = S['snapshot'];
/** A device's feed: tickets as their public view. */
export type DeviceFeed = HallFeed<DeviceStream>;

const RECENT_CALLS_KEPT = 20;

export interface AppliedEvents<S extends DeviceStream = StaffStream> {
  feed: HallFeed<S>;
  /** The envelopes that were new (seq above the feed's), in order: what a display may announce. */
  fresh: S['envelope'][];
  /** A seq was skipped: the feed stopped before it and the client must resync. */
  gap: boolean;
}

/**
 * Applies a batch of events to the feed. Envelopes already included (seq at or below the feed's) are skipped, so a
 * snapshot followed by events it already contains replays nothing; a gap stops the batch there.
 */
export function applyEnvelopes<S extends DeviceStream = StaffStream>(
  feed: HallFeed<S>,
  envelopes: readonly S['envelope'][],
): AppliedEvents<S> {
  // The feed takes its tickets from the events only, so it holds the tickets of the stream it follows: whole ones from
  // a staff stream, public ones from a device's. The work is the same on either.
  let next: DeviceSnapshot = feed;
  const fresh: DeviceEnvelope[] = [];
  const done = (gap: boolean) => ({ feed: next, fresh, gap }) as AppliedEvents<S>;
  for (const envelope of envelopes) {
    if (envelope.seq <= next.seq) continue;
    if (envelope.seq !== next.seq + 1) return done(true);
    next = { ...applyEvent(next, envelope), seq: envelope.seq };
    fresh.push(envelope);
  }
  return done(false);
}

function applyEvent(feed: DeviceSnapshot, { event, at }: DeviceEnvelope): DeviceSnapshot {
  switch (event.type) {
    case 'ticket.issued':
      return { ...feed, tickets: [...feed.tickets.filter((t) => t.id !== event.ticket.id), event.ticket] };
    case 'ticket.called':
    case 'ticket.recalled': {
      const call: RecentCall = {
        number: event.ticket.number,
        window: event.window,
        at,
        recall: event.type === 'ticket.recalled',
      };
      return {
        ...feed,
        tickets: upsertTicket(feed.tickets, event.ticket),
        recentCalls: [call, ...feed.recentCalls].slice(0, RECENT_CALLS_KEPT),
      };
    }
    case 'ticket.updated':
      return { ...feed, tickets: upsertTicket(feed.tickets, event.ticket) };
    case 'window.updated':
      return {
        ...feed,
        windows: feed.windows.some((w) => w.number === event.window.number)
          ? feed.windows.map((w) => (w.number === event.window.number ? event.window : w))
          : [...feed.windows, event.window],
      };
    case 'queues.updated':
      return { ...feed, queues: event.queues };
    case 'hall.changed':
      return { ...feed, hallVersion: event.hall.version };
    case 'empty_post': {
      const others = feed.emptyPosts.filter((t) => t !== event.windowType);
      return { ...feed, emptyPosts: event.active ? [...others, event.windowType] : others };
    }
    case 'guide.called':
      return { ...feed, guideCalls: [...feed.guideCalls.filter((c) => c.id !== event.call.id), event.call] };
    case 'guide.answered':
      return { ...feed, guideCalls: feed.guideCalls.filter((c) => c.id !== event.call.id) };
    case 'rating.requested':
      return {
        ...feed,
        ratingRequests: [...feed.ratingRequests.filter((r) => r.id !== event.request.id), event.request],
      };
    case 'rating.recorded':
    case 'rating.ended':
      return { ...feed, ratingRequests: feed.ratingRequests.filter((r) => r.id !== event.requestId) };
    case 'locker.compartment': {
      const { compartment } = event;
      return {
        ...feed,
        lockers: feed.lockers.map((l) =>
          l.id !== compartment.locker
            ? l
            : { ...l, compartments: l.compartments.map((c) => (c.number === compartment.number ? compartment : c)) },
        ),
      };
    }
    case 'locker.keypad':
      return {
        ...feed,
        lockers: feed.lockers.map((l) => (l.id === event.locker ? { ...l, keypad: event.keypad } : l)),
      };
    case 'followup.updated':
    case 'notice.updated':
    case 'staff_only':
    case 'withheld':
      // Follow-ups and notices are not in the snapshot: the manager console keeps its lists from the events themselves.
      return feed;
  }
}

/** Tickets in play only: a ticket that ended leaves the list. */
function upsertTicket(
  tickets: DeviceSnapshot['tickets'],
  ticket: DeviceSnapshot['tickets'][number],
): DeviceSnapshot['tickets'] {
  const others = tickets.filter((t) => t.id !== ticket.id);
  return ENDED_STATES.includes(ticket.state) ? others : [...others, ticket];
}
