import { ApiError, type Download } from '@hallq/shared/client';
import { monthDays } from '@hallq/shared/domain';
import type { SliceCreator } from '../../types';
import { lastMonth } from './selectors';
import { type BulletinState, initialBulletinState } from './state';

export interface BulletinActions {
  /** On opening the 月度通报: last month's, the first time. */
  openBulletin(now: Date): Promise<void>;
  chooseBulletinMonth(month: string): Promise<void>;
  /** The month shown as the .xlsx file, for the page to save; null when it could not be had. */
  downloadBulletin(): Promise<Download | null>;
  /** Forgets the bulletin on logout. */
  clearBulletin(): void;
}
export type BulletinSlice = BulletinState & BulletinActions;

export const createBulletinSlice: SliceCreator<BulletinSlice> = (set, get, { client }) => {
  /** Only the latest month's answer counts; logging out invalidates every load in flight. */
  let generation = 0;

  const expired = (error: unknown) => {
    if (!(error instanceof ApiError && error.status === 401)) return false;
    get().endSession('登录已过期，请重新登录');
    return true;
  };

  return {
    ...initialBulletinState,

    async openBulletin(now) {
      const { bulletinMonth, hall } = get();
      if (!hall) return;
      await get().chooseBulletinMonth(bulletinMonth ?? lastMonth(now, hall.timeZone));
    },

    async chooseBulletinMonth(month) {
      const token = get().session?.token;
      if (!token) return;
      const mine = ++generation;
      set({ bulletinMonth: month, bulletinStatus: 'loading', bulletinWorkbook: 'idle' });
      try {
        const [bulletin, emptyPosts] = await Promise.all([
          client.call('reportBulletin', { query: { month }, token }),
          client.call('reportEmptyPosts', { query: monthDays(month), token }),
        ]);
        if (mine !== generation) return;
        set({ bulletin, bulletinEmptyPosts: emptyPosts.intervals, bulletinStatus: 'loaded' });
      } catch (error) {
        if (mine !== generation || expired(error)) return;
        set({ bulletin: null, bulletinEmptyPosts: [], bulletinStatus: 'failed' });
      }
    },

    async downloadBulletin() {
      const { session, bulletinMonth } = get();
      if (!session || bulletinMonth === null) return null;
      set({ bulletinWorkbook: 'downloading' });
      try {
        const file = await client.download('reportBulletinWorkbook', {
          query: { month: bulletinMonth },
          token: session.token,
        });
        set({ bulletinWorkbook: 'idle' });
        return file;
      } catch (error) {
        if (!expired(error)) set({ bulletinWorkbook: 'failed' });
        return null;
      }
    },

    clearBulletin() {
      generation++;
      set(initialBulletinState);
    },
  };
};
