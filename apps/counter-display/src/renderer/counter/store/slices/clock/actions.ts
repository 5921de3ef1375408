import type { SliceCreator } from '../../types';

export interface ClockSlice {
  /** Epoch ms of the last tick: the service timer and wait times are computed from it, so selectors stay pure. */
  now: number;
  tick(): void;
}

export const createClockSlice: SliceCreator<ClockSlice> = (set, _get, { now }) => ({
  now: now(),
  tick() {
    set({ now: now() });
  },
});
