import type { ConnectionState, HallFeed } from '@hallq/shared/client';
import type { PublicHall } from '@hallq/shared/contracts';

export interface FeedState {
  hall: PublicHall | null;
  /** The last snapshot with the events since; kept while disconnected, so the screen never goes blank. */
  feed: HallFeed | null;
  connection: ConnectionState;
  /** A gap in seq was seen: events are ignored until the fresh snapshot arrives. */
  resyncing: boolean;
}

export const initialFeedState: FeedState = { hall: null, feed: null, connection: 'connecting', resyncing: false };
