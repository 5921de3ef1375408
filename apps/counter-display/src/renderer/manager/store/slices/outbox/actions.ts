import { ApiError } from '@hallq/shared/client';
import type { SliceCreator } from '../../types';
import { type NoticeSending, type OutboxState, initialOutboxState } from './state';

export interface OutboxActions {
  /** On entering the view, or 刷新. */
  loadOutbox(): Promise<void>;
  /**
   * A notice may have been written or erased, a rating recorded, or either missed while disconnected: reload if the
   * outbox was ever opened.
   */
  refreshOutbox(): void;
  /** 已发送: the manager relayed the notice, which the server then erases. Resolves to whether it was accepted. */
  markNoticeSent(id: string): Promise<boolean>;
  /** Forgets the notices on logout. */
  clearOutbox(): void;
}
export type OutboxSlice = OutboxState & OutboxActions;

export const createOutboxSlice: SliceCreator<OutboxSlice> = (set, get, { client, newRequestId }) => {
  /** Only the latest load's answer counts; logging out invalidates every load in flight. */
  let generation = 0;

  const putSending = (id: string, sending: NoticeSending | null) => {
    const { [id]: _, ...others } = get().noticeSending;
    set({ noticeSending: sending ? { ...others, [id]: sending } : others });
  };
  /** Logging out while a request was in flight leaves nothing for its answer to update. */
  const stillSending = (id: string, requestId: string) => get().noticeSending[id]?.requestId === requestId;

  return {
    ...initialOutboxState,

    async loadOutbox() {
      const token = get().session?.token;
      if (!token) return;
      const mine = ++generation;
      set({ outboxStatus: 'loading' });
      try {
        const [{ entries }, ratingUploads] = await Promise.all([
          client.call('lockerOutbox', { token }),
          client.call('ratingUploads', { token }),
        ]);
        if (mine === generation) set({ outbox: entries, ratingUploads, outboxStatus: 'loaded' });
      } catch (error) {
        if (mine !== generation) return;
        if (error instanceof ApiError && error.status === 401) get().endSession('登录已过期，请重新登录');
        else set({ outboxStatus: 'failed' });
      }
    },

    refreshOutbox() {
      if (get().outboxStatus !== 'idle') void get().loadOutbox();
    },

    async markNoticeSent(id) {
      const token = get().session?.token;
      const before = get().noticeSending[id];
      if (!token || before?.sending) return false;
      const requestId = before?.requestId ?? newRequestId();
      putSending(id, { requestId, sending: true, error: null });
      try {
        const { entry } = await client.call('lockerNoticeSent', { token, params: { id }, body: { requestId } });
        if (!stillSending(id, requestId)) return false;
        putSending(id, null);
        set({ outbox: get().outbox.map((e) => (e.id === entry.id ? entry : e)) });
        // A load already in flight may have been answered before the notice was erased: read the outbox again.
        void get().loadOutbox();
        return true;
      } catch (error) {
        if (!stillSending(id, requestId)) return false;
        if (error instanceof ApiError && error.status === 401) {
          get().endSession('登录已过期，请重新登录');
          return false;
        }
        if (error instanceof ApiError) {
          // A refusal is final for its request: another attempt is a new request.
          const erased = error.status === 409;
          putSending(id, {
            requestId: newRequestId(),
            sending: false,
            error: erased ? '这条通知已删除（已标记发送，或物品已取出）' : error.message,
          });
          // Erased meanwhile (collected, or marked from another console): the outbox shows what became of it.
          if (erased) void get().loadOutbox();
        } else {
          putSending(id, { requestId, sending: false, error: '网络错误，可能未送达，请重试' });
        }
        return false;
      }
    },

    clearOutbox() {
      generation++;
      set(initialOutboxState);
    },
  };
};
