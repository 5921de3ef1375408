import type { SliceCreator } from '../../types';
import type { ClockState } from './state';

export interface ClockActions {
  tick(): void;
}
export type ClockSlice = ClockState & ClockActions;

export const createClockSlice: SliceCreator<ClockSlice> = (set, _get, { now }) => ({
  now: now(),
  tick: () => set({ now: now() }),
});
