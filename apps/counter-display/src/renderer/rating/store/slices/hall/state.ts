import type { ConnectionState, HallFeed } from '@hallq/shared/client';
import type { PublicHall } from '@hallq/shared/contracts';
import type { CitizenLanguage } from '@hallq/shared/i18n';

export interface HallState {
  hall: PublicHall | null;
  hallStatus: 'loading' | 'loaded' | 'failed';
  nextHallLoadAt: number;
  language: CitizenLanguage;
  connection: ConnectionState;
  /** The hall as the socket reports it; null before the first snapshot. The pad needs only its seq and requests. */
  feed: HallFeed | null;
  resyncing: boolean;
}

export const initialHallState: HallState = {
  hall: null,
  hallStatus: 'loading',
  nextHallLoadAt: 0,
  language: 'zh',
  connection: 'connecting',
  feed: null,
  resyncing: false,
};
