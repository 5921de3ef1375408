import { ApiError } from '@hallq/shared/client';
import type { FollowUp } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type ArchiveFilter, type ArchiveState, initialArchiveState, noArchiveFilter } from './state';

export interface ArchiveActions {
  /** On opening the 整改台账, or 刷新. */
  loadArchive(): Promise<void>;
  /** Closes may have been missed while disconnected: reload if the archive was ever opened. */
  refreshArchive(): void;
  /** A follow-up closed (from the feed, or the answer to the session's own 办结). */
  archiveClosed(followUp: FollowUp): void;
  filterArchive(patch: Partial<ArchiveFilter>): void;
  resetArchiveFilter(): void;
  /** Forgets the archive on logout. */
  clearArchive(): void;
}
export type ArchiveSlice = ArchiveState & ArchiveActions;

export const createArchiveSlice: SliceCreator<ArchiveSlice> = (set, get, { client }) => {
  /** Only the latest load's answer counts; logging out invalidates every load in flight. */
  let generation = 0;

  return {
    ...initialArchiveState,

    async loadArchive() {
      const token = get().session?.token;
      if (!token) return;
      const mine = ++generation;
      set({ archiveStatus: 'loading' });
      try {
        const { followUps } = await client.call('followUpArchive', { token });
        if (mine !== generation) return;
        // A close the feed brought while the answer was on its way may not be in it; a closed follow-up never changes.
        const answered = new Set(followUps.map((f) => f.id));
        const meanwhile = get().archive.filter((f) => !answered.has(f.id));
        set({ archive: [...meanwhile, ...followUps], archiveStatus: 'loaded' });
      } catch (error) {
        if (mine !== generation) return;
        if (error instanceof ApiError && error.status === 401) get().endSession('登录已过期，请重新登录');
        else set({ archiveStatus: 'failed' });
      }
    },

    refreshArchive() {
      if (get().archiveStatus !== 'idle') void get().loadArchive();
    },

    archiveClosed(followUp) {
      set({ archive: [followUp, ...get().archive.filter((f) => f.id !== followUp.id)] });
    },

    filterArchive(patch) {
      set({ archiveFilter: { ...get().archiveFilter, ...patch } });
    },

    resetArchiveFilter() {
      set({ archiveFilter: noArchiveFilter });
    },

    clearArchive() {
      generation++;
      set(initialArchiveState);
    },
  };
};
