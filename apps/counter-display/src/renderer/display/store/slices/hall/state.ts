import type { PublicHall } from '@hallq/shared/contracts';

export interface HallState {
  /** The hall file's public part (names, window types, windows); null until the server first answers. */
  hall: PublicHall | null;
}

export const initialHallState: HallState = { hall: null };
