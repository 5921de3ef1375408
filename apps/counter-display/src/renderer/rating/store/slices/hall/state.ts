import type { PublicHall } from '@hallq/shared/contracts';
import type { CitizenLanguage } from '@hallq/shared/i18n';

export interface HallState {
  hall: PublicHall | null;
  hallStatus: 'loading' | 'loaded' | 'failed';
  nextHallLoadAt: number;
  language: CitizenLanguage;
}

export const initialHallState: HallState = {
  hall: null,
  hallStatus: 'loading',
  nextHallLoadAt: 0,
  language: 'zh',
};
