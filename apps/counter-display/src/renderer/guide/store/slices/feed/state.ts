import type { PublicHall } from '@hallq/shared/contracts';

export interface HallState {
  /** The public hall file: window types, items, windows and the priority path the desk issues by. */
  hall: PublicHall | null;
}

export const initialHallState: HallState = { hall: null };
