import { type ConnectionState, type HallFeed } from '@hallq/shared/client';
import { type HallEvent, type LockerView, type WindowActionResponse, type WindowDetail } from '@hallq/shared/contracts';
import { ENDED_STATES } from '@hallq/shared/domain';

export interface FeedState {
  /** The hall as the window room sees it: the last snapshot kept current by the events; null before the first. */
  feed: HallFeed | null;
  connection: ConnectionState;
  /** A gap was seen: events are ignored until the fresh snapshot arrives. */
  resyncing: boolean;
  /** GET /api/windows/:id: the next tickets of each served type (the feed does not say who is next). */
  detail: WindowDetail | null;
  /** At a pickup window: the lockers, loaded on each (re)connection and kept current by locker events. */
  lockerWatch: LockerView[] | null;
}

export const initialFeedState: FeedState = {
  feed: null,
  connection: 'connecting',
  resyncing: false,
  detail: null,
  lockerWatch: null,
};

/** Whether an event may change who is next at this window, so the window's detail must be fetched again. */
export function touchesWindow(event: HallEvent, serves: readonly string[], window: number): boolean {
  switch (event.type) {
    case 'ticket.issued':
    case 'ticket.called':
    case 'ticket.recalled':
    case 'ticket.updated':
      return (
        serves.includes(event.ticket.windowType) ||
        event.ticket.window === window ||
        event.ticket.transfer?.toWindow === window
      );
    case 'window.updated':
      return event.window.number === window;
    default:
      return false;
  }
}

/**
 * Puts the answer of the panel's own action into the feed at once: its events follow on the socket, but the buttons
 * must reflect the new state the moment the request returns (or a quick second press would be refused).
 */
export function withActionResult(feed: HallFeed, { window, ticket }: WindowActionResponse): HallFeed {
  const windows = feed.windows.some((w) => w.number === window.number)
    ? feed.windows.map((w) => (w.number === window.number ? window : w))
    : [...feed.windows, window];
  if (!ticket) return { ...feed, windows };
  const others = feed.tickets.filter((t) => t.id !== ticket.id);
  return { ...feed, windows, tickets: ENDED_STATES.includes(ticket.state) ? others : [...others, ticket] };
}
