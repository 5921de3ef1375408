import type { Bulletin } from '@hallq/shared/contracts';
import type { EmptyPostInterval } from '@hallq/shared/domain';

export interface BulletinState {
  /** The month shown (YYYY-MM); null until the page is first opened, then last month unless another is picked. */
  bulletinMonth: string | null;
  bulletin: Bulletin | null;
  /** The month's empty posts, each listed in the document (the bulletin itself counts them only). */
  bulletinEmptyPosts: EmptyPostInterval[];
  bulletinStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** The .xlsx download of the month shown. */
  bulletinWorkbook: 'idle' | 'downloading' | 'failed';
}

export const initialBulletinState: BulletinState = {
  bulletinMonth: null,
  bulletin: null,
  bulletinEmptyPosts: [],
  bulletinStatus: 'idle',
  bulletinWorkbook: 'idle',
};
