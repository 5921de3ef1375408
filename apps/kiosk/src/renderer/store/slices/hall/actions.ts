import type { EventEnvelope, Snapshot } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type HallState, applyEnvelopes, initialHallState } from './state';

export interface HallActions {
  loadHall(): Promise<void>;
  connect(): void;
  applySnapshot(snapshot: Snapshot): void;
  applyEvents(envelopes: EventEnvelope[]): void;
}
export type HallSlice = HallState & HallActions;

const HALL_RETRY_MS = 5000;

export const createHallSlice: SliceCreator<HallSlice> = (set, get, { api, realtime, now }) => ({
  ...initialHallState,

  async loadHall() {
    try {
      const hall = await api.hall();
      set({ hall, hallStatus: 'loaded' });
    } catch {
      set({ hallStatus: 'failed', nextHallLoadAt: now() + HALL_RETRY_MS });
      return;
    }
    // The socket's snapshot normally brings the queues; this fills the home screen if the socket is slow.
    try {
      const { queues } = await api.queues();
      if (get().seq === null) set({ queues });
    } catch {
      // the snapshot will bring them
    }
  },

  connect() {
    realtime.start({
      snapshot: (snapshot) => get().applySnapshot(snapshot),
      events: (envelopes) => get().applyEvents(envelopes),
      connection: (connection) => set({ connection }),
    });
  },

  applySnapshot(snapshot) {
    set({ queues: snapshot.queues, seq: snapshot.seq, resyncing: false });
  },

  applyEvents(envelopes) {
    const { seq, queues, resyncing } = get();
    // Before the first snapshot, or while waiting for a fresh one, events cannot be placed.
    if (seq === null || resyncing) return;
    const applied = applyEnvelopes(seq, queues, envelopes);
    set({ seq: applied.seq, queues: applied.queues });
    for (const id of applied.answeredGuideCalls) get().guideAnswered(id);
    if (applied.gap) {
      set({ resyncing: true });
      realtime.resync();
    }
  },
});
