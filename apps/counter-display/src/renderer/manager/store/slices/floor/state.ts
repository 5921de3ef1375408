import type { ConnectionState, HallFeed } from '@hallq/shared/client';
import type { PublicHall } from '@hallq/shared/contracts';

export interface FloorState {
  hall: PublicHall | null;
  /** The hall as the socket reports it; null before the first snapshot. */
  feed: HallFeed | null;
  resyncing: boolean;
  connection: ConnectionState;
}

export const initialFloorState: FloorState = { hall: null, feed: null, resyncing: false, connection: 'connecting' };
