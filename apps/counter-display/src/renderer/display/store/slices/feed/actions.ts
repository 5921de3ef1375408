import { applyEnvelopes } from '@hallq/shared/client';
import { type EventEnvelope, type Snapshot } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type FeedState, initialFeedState } from './state';

export interface FeedActions {
  /** Loads the hall's names and windows, retrying until the server answers. */
  loadHall(): Promise<void>;
  connect(): void;
  applySnapshot(snapshot: Snapshot): void;
  applyEvents(envelopes: EventEnvelope[]): void;
}
export type FeedSlice = FeedState & FeedActions;

const HALL_RETRY_MS = 5000;

export const createFeedSlice: SliceCreator<FeedSlice> = (set, get, services) => ({
  ...initialFeedState,

  async loadHall() {
    for (;;) {
      try {
        set({ hall: await services.loadHall() });
        return;
      } catch {
        await services.delay(HALL_RETRY_MS);
      }
    }
  },

  connect() {
    services.realtime.start({
      snapshot: (snapshot) => get().applySnapshot(snapshot),
      events: (envelopes) => get().applyEvents(envelopes),
      connection: (connection) => set({ connection }),
    });
  },

  // A snapshot (first connection, reconnection, resync) is the state now: its calls are history, never said again.
  applySnapshot(snapshot) {
    set({ feed: snapshot, resyncing: false });
  },

  applyEvents(envelopes) {
    const { feed, resyncing } = get();
    if (!feed || resyncing) return;
    const applied = applyEnvelopes(feed, envelopes);
    set({ feed: applied.feed });
    if (applied.fresh.length > 0) services.onFresh(applied.fresh);
    if (applied.gap) {
      set({ resyncing: true });
      services.realtime.resync();
    }
  },
});
