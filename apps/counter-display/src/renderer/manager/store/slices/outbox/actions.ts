import { ApiError } from '@hallq/shared/client';
import type { SliceCreator } from '../../types';
import { type OutboxState, initialOutboxState } from './state';

export interface OutboxActions {
  /** On entering the view, or 刷新. */
  loadOutbox(): Promise<void>;
  /** A notice may have been written or erased, or missed while disconnected: reload if the outbox was ever opened. */
  refreshOutbox(): void;
  /** Forgets the notices on logout. */
  clearOutbox(): void;
}
export type OutboxSlice = OutboxState & OutboxActions;

export const createOutboxSlice: SliceCreator<OutboxSlice> = (set, get, { client }) => {
  /** Only the latest load's answer counts; logging out invalidates every load in flight. */
  let generation = 0;

  return {
    ...initialOutboxState,

    async loadOutbox() {
      const token = get().session?.token;
      if (!token) return;
      const mine = ++generation;
      set({ outboxStatus: 'loading' });
      try {
        const { entries } = await client.call('lockerOutbox', { token });
        if (mine === generation) set({ outbox: entries, outboxStatus: 'loaded' });
      } catch (error) {
        if (mine !== generation) return;
        if (error instanceof ApiError && error.status === 401) get().endSession('登录已过期，请重新登录');
        else set({ outboxStatus: 'failed' });
      }
    },

    refreshOutbox() {
      if (get().outboxStatus !== 'idle') void get().loadOutbox();
    },

    clearOutbox() {
      generation++;
      set(initialOutboxState);
    },
  };
};
