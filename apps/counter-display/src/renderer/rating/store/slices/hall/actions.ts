import { type CitizenLanguage } from '@hallq/shared/i18n';
import type { SliceCreator } from '../../types';
import { type HallState, initialHallState } from './state';

export interface HallActions {
  loadHall(): Promise<void>;
  /** Retries a failed hall load; called by the heartbeat. */
  loadHallIfDue(): void;
  setLanguage(language: CitizenLanguage): void;
}
export type HallSlice = HallState & HallActions;

const HALL_RETRY_MS = 5000;

export const createHallSlice: SliceCreator<HallSlice> = (set, get, { client, now }) => ({
  ...initialHallState,

  async loadHall() {
    set({ hallStatus: 'loading' });
    try {
      set({ hall: await client.call('hall'), hallStatus: 'loaded' });
    } catch {
      set({ hallStatus: 'failed', nextHallLoadAt: now() + HALL_RETRY_MS });
    }
  },

  loadHallIfDue() {
    if (get().hallStatus === 'failed' && now() >= get().nextHallLoadAt) void get().loadHall();
  },

  setLanguage(language) {
    set({ language });
  },
});
