import type { SliceCreator } from '../../types';
import { type HallState, initialHallState } from './state';

export interface HallActions {
  /** Loads the hall's names and windows, retrying until the server answers. */
  loadHall(): Promise<void>;
}
export type HallSlice = HallState & HallActions;

const HALL_RETRY_MS = 5000;

export const createHallSlice: SliceCreator<HallSlice> = (set, _get, { client, delay }) => ({
  ...initialHallState,

  async loadHall() {
    for (;;) {
      try {
        set({ hall: await client.call('hall') });
        return;
      } catch {
        await delay(HALL_RETRY_MS);
      }
    }
  },
});
