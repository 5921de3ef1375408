import { createFeedSlice, type FeedSlice, type HallRealtime } from '@hallq/shared/client';
import type { SliceCreator } from '../../types';
import { type FloorState, initialFloorState } from './state';

export interface FloorActions {
  /** Loads the hall and follows its stream with the manager's token. */
  startFloor(token: string): void;
  stopFloor(): void;
  /** 刷新: asks the server for a fresh snapshot of the whole hall. */
  refreshFloor(): void;
}
/** The console's hall: the shared feed (the floor, and the lockers for staff) and the hall file. */
export type FloorSlice = FeedSlice & FloorState & FloorActions;

const HALL_RETRY_MS = 5000;

export const createFloorSlice: SliceCreator<FloorSlice> = (set, get, { client, realtime }) => {
  let live: HallRealtime | null = null;
  let hallRetry: ReturnType<typeof setTimeout> | undefined;
  /** Snapshots since the session started following the hall: the first comes with the follow-ups' own load. */
  let snapshots = 0;

  const loadHall = () => {
    client
      .call('hall')
      .then((hall) => set({ hall }))
      .catch(() => {
        hallRetry = setTimeout(loadHall, HALL_RETRY_MS);
      });
  };

  const feed = createFeedSlice(set, get, {
    hall: {
      version: () => get().hall?.version ?? null,
      changed: (hall) => set({ hall }),
      reload: loadHall,
    },
    snapshot() {
      // Follow-ups are not in the snapshot: after a reconnection or a gap, their events may have been missed.
      if (snapshots++ > 0) void get().loadFollowUps();
      get().refreshArchive();
      get().refreshOutbox();
      get().refreshStatistics();
    },
    fresh(envelopes) {
      for (const { event } of envelopes) {
        if (event.type === 'followup.updated') get().followUpChanged(event.followUp);
      }
      // A rating joins the upload outbox, listed with the notices.
      const outboxChanged = envelopes.some(
        ({ event }) => event.type === 'notice.updated' || event.type === 'rating.recorded',
      );
      if (outboxChanged) get().refreshOutbox();
      if (envelopes.some(({ event }) => /^(ticket|rating)\./.test(event.type))) get().statisticsChanged();
    },
    unauthorized: () => get().endSession('登录已过期，请重新登录'),
  });

  return {
    ...feed,
    ...initialFloorState,

    startFloor(token) {
      get().stopFloor();
      loadHall();
      snapshots = 0;
      live = realtime(token);
      get().connectFeed(live);
    },

    stopFloor() {
      clearTimeout(hallRetry);
      live = null;
      get().disconnectFeed();
      set(initialFloorState);
    },

    refreshFloor() {
      live?.resync();
    },
  };
};
