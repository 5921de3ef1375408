import { applyEnvelopes } from '@hallq/shared/client';
import { type EventEnvelope, type Snapshot } from '@hallq/shared/contracts';
import { type CitizenLanguage } from '@hallq/shared/i18n';
import type { SliceCreator } from '../../types';
import { type HallState, initialHallState } from './state';

export interface HallActions {
  loadHall(): Promise<void>;
  /** Retries a failed hall load; called by the heartbeat. */
  loadHallIfDue(): void;
  connect(): void;
  applySnapshot(snapshot: Snapshot): void;
  applyEvents(envelopes: EventEnvelope[]): void;
  setLanguage(language: CitizenLanguage): void;
}
export type HallSlice = HallState & HallActions;

const HALL_RETRY_MS = 5000;

export const createHallSlice: SliceCreator<HallSlice> = (set, get, { api, realtime, now }) => ({
  ...initialHallState,

  async loadHall() {
    set({ hallStatus: 'loading' });
    try {
      set({ hall: await api.hall(), hallStatus: 'loaded' });
    } catch {
      set({ hallStatus: 'failed', nextHallLoadAt: now() + HALL_RETRY_MS });
    }
  },

  loadHallIfDue() {
    if (get().hallStatus === 'failed' && now() >= get().nextHallLoadAt) void get().loadHall();
  },

  connect() {
    realtime.start({
      snapshot: (snapshot) => get().applySnapshot(snapshot),
      events: (envelopes) => get().applyEvents(envelopes),
      connection: (connection) => set({ connection }),
    });
  },

  applySnapshot(snapshot) {
    set({ feed: snapshot, resyncing: false });
    get().showOpenRequests(snapshot.ratingRequests);
  },

  applyEvents(envelopes) {
    const { feed, resyncing } = get();
    // Before the first snapshot, or while waiting for a fresh one, events cannot be placed.
    if (feed === null || resyncing) return;
    const applied = applyEnvelopes(feed, envelopes);
    set({ feed: applied.feed });
    for (const { event } of applied.fresh) {
      if (event.type === 'rating.requested') get().requestOpened(event.request);
      else if (event.type === 'rating.ended') get().requestRecorded(event.requestId, event.result);
    }
    if (applied.gap) {
      set({ resyncing: true });
      realtime.resync();
    }
  },

  setLanguage(language) {
    set({ language });
  },
});
