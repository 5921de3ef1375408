import type { ConnectionState, HallFeed, PublicHall } from '@hallq/shared';

export interface FloorState {
  hall: PublicHall | null;
  /** The hall as the socket reports it; null before the first snapshot. */
  feed: HallFeed | null;
  resyncing: boolean;
  connection: ConnectionState;
}

export const initialFloorState: FloorState = { hall: null, feed: null, resyncing: false, connection: 'connecting' };
