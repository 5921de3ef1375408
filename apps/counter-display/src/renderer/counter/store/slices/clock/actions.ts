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
    // The deposit's fallback poll keeps time by the panel's clock rather than a timer of its own.
    get().pollLockers();
  },
});
