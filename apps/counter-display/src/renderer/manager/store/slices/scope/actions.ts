import { ApiError } from '@hallq/shared/client';
import type { SliceCreator } from '../../types';
import { type ScopeState, initialScopeState } from './state';

export interface ScopeActions {
  /** Reads the staff the session answers for; retried until it comes, as the console cannot be scoped without it. */
  loadDirectory(): Promise<void>;
  /** The manager's 单位 filter (null: 全部). */
  chooseDepartment(department: string | null): void;
  /** Forgets the staff list and the filter on logout. */
  clearScope(): void;
}
export type ScopeSlice = ScopeState & ScopeActions;

const DIRECTORY_RETRY_MS = 5000;

export const createScopeSlice: SliceCreator<ScopeSlice> = (set, get, { client }) => {
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** Only the latest load's answer counts; logging out invalidates every load in flight. */
  let generation = 0;

  return {
    ...initialScopeState,

    async loadDirectory() {
      const token = get().session?.token;
      if (!token) return;
      clearTimeout(retry);
      const mine = ++generation;
      set({ directoryStatus: 'loading' });
      try {
        const { staff } = await client.call('staffDirectory', { token });
        if (mine === generation) set({ directory: staff, directoryStatus: 'loaded' });
      } catch (error) {
        if (mine !== generation) return;
        if (error instanceof ApiError && error.status === 401) {
          get().endSession('登录已过期，请重新登录');
          return;
        }
        set({ directoryStatus: 'failed' });
        retry = setTimeout(() => void get().loadDirectory(), DIRECTORY_RETRY_MS);
      }
    },

    chooseDepartment(department) {
      set({ chosenDepartment: department });
      // A window or assignee of another department would leave the archive empty for no visible reason.
      get().filterArchive({ window: null, assignee: null });
      get().filterStatistics({ windowType: null, window: null, clerk: null });
    },

    clearScope() {
      generation++;
      clearTimeout(retry);
      set(initialScopeState);
    },
  };
};
