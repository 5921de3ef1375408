import type { PublicHall } from '@hallq/shared/contracts';

export interface FloorState {
  hall: PublicHall | null;
}

export const initialFloorState: FloorState = { hall: null };
