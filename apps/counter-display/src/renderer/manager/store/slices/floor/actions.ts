import { applyEnvelopes, type HallRealtime } from '@hallq/shared/client';
import { type EventEnvelope, type Snapshot } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type FloorState, initialFloorState } from './state';

export interface FloorActions {
  startFloor(token: string): void;
  stopFloor(): void;
  applySnapshot(snapshot: Snapshot): void;
  applyEvents(envelopes: EventEnvelope[]): void;
}
export type FloorSlice = FloorState & FloorActions;

const HALL_RETRY_MS = 5000;

export const createFloorSlice: SliceCreator<FloorSlice> = (set, get, { api, realtime }) => {
  let live: HallRealtime | null = null;
  let hallRetry: ReturnType<typeof setTimeout> | undefined;

  const loadHall = () => {
    api
      .hall()
      .then((hall) => set({ hall }))
      .catch(() => {
        hallRetry = setTimeout(loadHall, HALL_RETRY_MS);
      });
  };

  return {
    ...initialFloorState,

    startFloor(token) {
      get().stopFloor();
      loadHall();
      live = realtime(token);
      live.start({
        snapshot: (snapshot) => get().applySnapshot(snapshot),
        events: (envelopes) => get().applyEvents(envelopes),
        connection: (connection) => {
          if (connection === 'unauthorized') {
            get().endSession('登录已过期，请重新登录');
            return;
          }
          set({ connection });
          // Locker events carry no sequence: whatever changed while the socket was down comes only with a reload.
          if (connection === 'connected') {
            void get().loadLockers();
            get().refreshOutbox();
          }
        },
        lockerEvents: (events) => get().lockerEventsArrived(events),
      });
    },

    stopFloor() {
      clearTimeout(hallRetry);
      live?.stop();
      live = null;
      set(initialFloorState);
    },

    applySnapshot(snapshot) {
      const resynced = get().resyncing;
      set({ feed: snapshot, resyncing: false });
      // Follow-up events may have been missed with the gap.
      if (resynced) void get().loadFollowUps();
    },

    applyEvents(envelopes) {
      const { feed, resyncing } = get();
      if (feed === null || resyncing) return;
      const applied = applyEnvelopes(feed, envelopes);
      set({ feed: applied.feed });
      for (const { event } of applied.fresh)
        if (event.type === 'followup.updated') get().followUpChanged(event.followUp);
      if (applied.gap) {
        set({ resyncing: true });
        live?.resync();
      }
    },
  };
};
