import type { SliceCreator } from '../../types';

export interface ClockSlice {
  /** Epoch ms of the last tick: the service timer and wait times are computed from it, so selectors stay pure. */
  now: number;
  tick(): void;
}

export const createClockSlice: SliceCreator<ClockSlice> = (set, get, { now }) => ({
  now: now(),
  tick() {
    set({ now: now() });
    // The deposit's fallback poll and the wait for an action's events keep time by the panel's clock.
    get().pollLockers();
    get().followFeed();
  },
});
