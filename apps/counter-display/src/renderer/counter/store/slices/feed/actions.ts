import { type HallRealtime, applyEnvelopes } from '@hallq/shared/client';
import { type EventEnvelope, type Snapshot, type WindowActionResponse } from '@hallq/shared/contracts';
import { createRefresher } from '../../refresher';
import type { SliceCreator } from '../../types';
import { SESSION_EXPIRED } from '../session/actions';
import { withLockerEvent } from '../locker/state';
import { isPickupWindow } from '../locker/selectors';
import { servedTypes } from './selectors';
import { type FeedState, initialFeedState, touchesWindow, withActionResult } from './state';

export interface FeedActions {
  /** Joins the window room with the session's token. */
  startFeed(): void;
  stopFeed(): void;
  applySnapshot(snapshot: Snapshot): void;
  applyEvents(envelopes: EventEnvelope[]): void;
  /** Fetches the window's detail (coalesced: never two at once). */
  refreshDetail(): Promise<void>;
  /** At a pickup window, fetches the lockers its alerts watch (coalesced). */
  refreshLockerWatch(): Promise<void>;
  applyActionResult(result: WindowActionResponse): void;
}
export type FeedSlice = FeedState & FeedActions;

export const createFeedSlice: SliceCreator<FeedSlice> = (set, get, { api, connectRealtime }) => {
  let realtime: HallRealtime | null = null;

  const refreshDetail = createRefresher(async () => {
    const session = get().session;
    if (!session) return;
    try {
      const detail = await api.window(session.token, session.window);
      if (get().session === session) set({ detail });
    } catch {
      // Keep the last list; the next event or the reconnect's snapshot fetches it again.
    }
  });

  const refreshLockerWatch = createRefresher(async () => {
    const session = get().session;
    if (!session || !isPickupWindow(get())) return;
    try {
      const { lockers } = await api.lockers(session.token);
      if (get().session === session) set({ lockerWatch: lockers });
    } catch {
      // Keep the last list; the next reconnection fetches it again.
    }
  });

  return {
    ...initialFeedState,

    startFeed() {
      const session = get().session;
      if (!session) return;
      realtime?.stop();
      set({ ...initialFeedState });
      realtime = connectRealtime(session.window, session.token);
      realtime.start({
        snapshot: (snapshot) => get().applySnapshot(snapshot),
        events: (envelopes) => get().applyEvents(envelopes),
        lockerEvents: (events) => {
          const watch = get().lockerWatch;
          if (watch) set({ lockerWatch: events.reduce(withLockerEvent, watch) });
          get().applyLockerEvents(events);
        },
        connection: (connection) => {
          if (connection === 'unauthorized') get().endSession(SESSION_EXPIRED);
          else set({ connection });
        },
      });
    },

    stopFeed() {
      realtime?.stop();
      realtime = null;
      set({ ...initialFeedState });
    },

    applySnapshot(snapshot) {
      // A snapshot comes on every (re)connection: whatever was missed while offline is in it.
      set({ feed: snapshot, resyncing: false, connection: 'connected' });
      void get().refreshDetail();
      // Locker events carry no sequence: whatever the deposit form and the alerts missed offline is fetched again.
      if (get().depositOpen) void get().loadLockers();
      void get().refreshLockerWatch();
    },

    applyEvents(envelopes) {
      const { feed, resyncing, session } = get();
      // Before the first snapshot, or while waiting for a fresh one, events cannot be placed.
      if (!feed || resyncing || !session) return;
      const applied = applyEnvelopes(feed, envelopes);
      set({ feed: applied.feed });
      const serves = servedTypes(get());
      if (applied.fresh.some((e) => touchesWindow(e.event, serves, session.window))) void get().refreshDetail();
      if (applied.gap) {
        set({ resyncing: true });
        realtime?.resync();
      }
    },

    refreshDetail,
    refreshLockerWatch,

    applyActionResult(result) {
      const feed = get().feed;
      if (feed) set({ feed: withActionResult(feed, result) });
      void get().refreshDetail();
    },
  };
};
