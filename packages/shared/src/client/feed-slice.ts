import type { EventEnvelope, Snapshot } from '../contracts/events';
import { applyEnvelopes, type HallFeed } from './hall-feed';
import type { ConnectionState, HallRealtime } from './realtime';

/**
 * The hall feed as every page holds it: the last snapshot with the events since, the connection, and whether a gap
 * is being resynced. A page learns each change once, from the event stream, and derives its views from `feed`.
 */
export interface FeedState {
  /** Kept while disconnected, so a screen never goes blank. */
  feed: HallFeed | null;
  connection: ConnectionState;
  /** A gap in seq was seen: events are ignored until the fresh snapshot arrives. */
  resyncing: boolean;
}

export interface FeedActions {
  /** Starts following the hall on `realtime` (a page that logs in again passes a new one). */
  connectFeed(realtime: HallRealtime): void;
  disconnectFeed(): void;
  applySnapshot(snapshot: Snapshot): void;
  applyEvents(envelopes: EventEnvelope[]): void;
}

export type FeedSlice = FeedState & FeedActions;

/** What a page does besides keeping the feed: announce fresh calls, reload what is not in the snapshot, log out. */
export interface FeedHooks {
  /** Envelopes that were new, in order, after they were applied (a display announces calls from these). */
  fresh?(envelopes: EventEnvelope[], feed: HallFeed): void;
  /** A snapshot arrived: the first one, after a reconnection, or after a resync. */
  snapshot?(snapshot: Snapshot, how: { resynced: boolean }): void;
  /** The server refused the connection's credentials (a staff session that expired). */
  unauthorized?(): void;
}

export const initialFeedState: FeedState = { feed: null, connection: 'connecting', resyncing: false };

type Set = (partial: Partial<FeedState>) => void;
type Get = () => FeedState & FeedActions;

/** The feed slice of a page's zustand store (`set` and `get` are the store's). */
export function createFeedSlice(set: Set, get: Get, hooks: FeedHooks = {}): FeedSlice {
  let realtime: HallRealtime | null = null;
  return {
    ...initialFeedState,

    connectFeed(next) {
      realtime?.stop();
      realtime = next;
      set({ ...initialFeedState });
      next.start({
        snapshot: (snapshot) => get().applySnapshot(snapshot),
        events: (envelopes) => get().applyEvents(envelopes),
        connection: (connection) => {
          set({ connection });
          if (connection === 'unauthorized') hooks.unauthorized?.();
        },
      });
    },

    disconnectFeed() {
      realtime?.stop();
      realtime = null;
      set({ ...initialFeedState });
    },

    // A snapshot (first connection, reconnection, resync) is the state now: nothing in it is news.
    applySnapshot(snapshot) {
      const resynced = get().resyncing;
      set({ feed: snapshot, resyncing: false });
      hooks.snapshot?.(snapshot, { resynced });
    },

    applyEvents(envelopes) {
      const { feed, resyncing } = get();
      if (feed === null || resyncing) return;
      const applied = applyEnvelopes(feed, envelopes);
      set({ feed: applied.feed });
      if (applied.fresh.length > 0) hooks.fresh?.(applied.fresh, applied.feed);
      if (applied.gap) {
        set({ resyncing: true });
        realtime?.resync();
      }
    },
  };
}
