import type { DeviceStream, StaffStream } from '../contracts/events';
import type { PublicHall } from '../contracts/hall';
import { applyEnvelopes, type HallFeed } from './hall-feed';
import type { ConnectionState, HallRealtime } from './realtime';

/**
 * The hall feed as every page holds it: the last snapshot with the events since, the connection, and whether a gap
 * is being resynced. A page learns each change once, from the event stream, and derives its views from `feed`.
 */
export interface FeedState<S extends DeviceStream = StaffStream> {
  /** Kept while disconnected, so a screen never goes blank. */
  feed: HallFeed<S> | null;
  connection: ConnectionState;
  /** A gap in seq was seen: events are ignored until the fresh snapshot arrives. */
  resyncing: boolean;
}

export interface FeedActions<S extends DeviceStream = StaffStream> {
  /** Starts following the hall on `realtime` (a page that logs in again passes a new one). */
  connectFeed(realtime: HallRealtime<S>): void;
  disconnectFeed(): void;
  applySnapshot(snapshot: S['snapshot']): void;
  applyEvents(envelopes: S['envelope'][]): void;
}

/** A page's feed: staff pages follow the whole stream (the default), device pages `DeviceStream`. */
export type FeedSlice<S extends DeviceStream = StaffStream> = FeedState<S> & FeedActions<S>;

/** What a page does besides keeping the feed: announce fresh calls, reload what is not in the snapshot, log out. */
export interface FeedHooks<S extends DeviceStream = StaffStream> {
  /** Envelopes that were new, in order, after they were applied (a display announces calls from these). */
  fresh?(envelopes: S['envelope'][], feed: HallFeed<S>): void;
  /** A snapshot arrived: the first one, after a reconnection, or after a resync. */
  snapshot?(snapshot: S['snapshot'], how: { resynced: boolean }): void;
  /** The server refused the connection's credentials (a staff session that expired). */
  unauthorized?(): void;
  /**
   * The page's hall (GET /api/hall): it follows the settings as the console changes them. A `hall.changed` event
   * hands over the new hall; a snapshot telling another version than the page holds (changed while the page was
   * away) has it load the hall again.
   */
  hall?: HallFollower;
}

export interface HallFollower {
  /** The version of the hall the page holds; null before it has one. */
  version(): number | null;
  changed(hall: PublicHall): void;
  reload(): void;
}

/** The follower of a page that holds the public hall as `hall` and loads it with `loadHall()`. */
export function followHall(
  get: () => { hall: PublicHall | null; loadHall(): Promise<void> | void },
  set: (partial: { hall: PublicHall }) => void,
): HallFollower {
  return {
    version: () => get().hall?.version ?? null,
    changed: (hall) => set({ hall }),
    reload: () => void get().loadHall(),
  };
}

export const initialFeedState: FeedState<never> = { feed: null, connection: 'connecting', resyncing: false };

type Set<S extends DeviceStream> = (partial: Partial<FeedState<S>>) => void;
type Get<S extends DeviceStream> = () => FeedState<S> & FeedActions<S>;

/** The feed slice of a page's zustand store (`set` and `get` are the store's). */
export function createFeedSlice<S extends DeviceStream = StaffStream>(
  set: Set<S>,
  get: Get<S>,
  hooks: FeedHooks<S> = {},
): FeedSlice<S> {
  let realtime: HallRealtime<S> | null = null;
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
      const held = hooks.hall?.version() ?? null;
      if (held !== null && held !== snapshot.hallVersion) hooks.hall?.reload();
      hooks.snapshot?.(snapshot, { resynced });
    },

    applyEvents(envelopes) {
      const { feed, resyncing } = get();
      if (feed === null || resyncing) return;
      const applied = applyEnvelopes<S>(feed, envelopes);
      set({ feed: applied.feed });
      for (const { event } of applied.fresh) if (event.type === 'hall.changed') hooks.hall?.changed(event.hall);
      if (applied.fresh.length > 0) hooks.fresh?.(applied.fresh, applied.feed);
      if (applied.gap) {
        set({ resyncing: true });
        realtime?.resync();
      }
    },
  };
}
