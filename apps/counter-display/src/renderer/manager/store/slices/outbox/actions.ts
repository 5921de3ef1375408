import { ApiError } from '@hallq/shared/client';
import type { NoticeStatus } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type NoticeActionKind, type NoticeRequest, type OutboxState, initialOutboxState } from './state';

export interface OutboxActions {
  /**
   * On entering the view, 刷新, or a change the feed reported. At most one load is out at a time: a call meanwhile
   * has one more load follow it, and resolves after that one.
   */
  loadOutbox(): Promise<void>;
  /** A notice changed, a rating was recorded, or either was missed while disconnected: reload if the outbox was ever opened. */
  refreshOutbox(): void;
  /** Lists the notices of one status, or all of them (null). */
  filterNotices(status: NoticeStatus | null): Promise<void>;
  /** 重新发送, 交窗口转达 or 已转达. Resolves to whether the server accepted it. */
  actOnNotice(id: string, action: NoticeActionKind): Promise<boolean>;
  /** Forgets the notices on logout. */
  clearOutbox(): void;
}
export type OutboxSlice = OutboxState & OutboxActions;

const ROUTES = { resend: 'resendNotice', toWindow: 'handNoticeToWindow', relayed: 'noticeRelayed' } as const;

/** Why the server refused an action, in the manager's words where the refusal has a known cause. */
function refusal(error: ApiError): string {
  if (error.status === 409) return '这条通知的状态已变化，不能再这样处理';
  if (error.status === 404) return '找不到这条通知';
  return error.message;
}

export const createOutboxSlice: SliceCreator<OutboxSlice> = (set, get, { client, newRequestId }) => {
  /** Logging out invalidates the load in flight. */
  let generation = 0;
  let loading: Promise<void> | null = null;
  /** A load was asked for while one was out: the change it follows may have come after the server answered. */
  let again = false;

  const loadOnce = async (mine: number) => {
    const token = get().session?.token;
    if (!token) return;
    const filter = get().noticeFilter;
    if (get().outboxStatus !== 'loaded') set({ outboxStatus: 'loading' });
    try {
      const [page, ratingUploads] = await Promise.all([
        client.call('notices', { token, query: filter ? { status: filter } : {} }),
        client.call('ratingUploads', { token }),
      ]);
      if (mine !== generation) return;
      // Asked under a filter since changed: the load that follows lists the new one.
      if (filter !== get().noticeFilter) {
        set({ ratingUploads });
        return;
      }
      set({
        notices: page.notices,
        noticeSender: page.sender,
        noticeCounts: page.counts,
        ratingUploads,
        outboxStatus: 'loaded',
      });
    } catch (error) {
      if (mine !== generation) return;
      if (error instanceof ApiError && error.status === 401) get().endSession('登录已过期，请重新登录');
      else set({ outboxStatus: 'failed' });
    }
  };

  const putRequest = (id: string, request: NoticeRequest | null) => {
    const { [id]: _, ...others } = get().noticeRequests;
    set({ noticeRequests: request ? { ...others, [id]: request } : others });
  };
  /** Logging out while a request was in flight leaves nothing for its answer to update. */
  const stillSending = (id: string, requestId: string) => get().noticeRequests[id]?.requestId === requestId;

  return {
    ...initialOutboxState,

    loadOutbox() {
      if (!get().session) return Promise.resolve();
      if (loading) {
        again = true;
        return loading;
      }
      const mine = generation;
      // With a session, the first pass awaits the server, so `loading` is set before the finally clears it.
      loading = (async () => {
        try {
          do {
            again = false;
            await loadOnce(mine);
          } while (again && mine === generation);
        } finally {
          if (mine === generation) loading = null;
        }
      })();
      return loading;
    },

    refreshOutbox() {
      if (get().outboxStatus !== 'idle') void get().loadOutbox();
    },

    filterNotices(status) {
      const { notices } = get();
      // The notices already known in that status show until the server's list comes.
      set({ noticeFilter: status, notices: status ? notices.filter((n) => n.status === status) : notices });
      return get().loadOutbox();
    },

    async actOnNotice(id, action) {
      const token = get().session?.token;
      const before = get().noticeRequests[id];
      if (!token || before?.sending) return false;
      const requestId = before?.action === action && before.unanswered ? before.requestId : newRequestId();
      putRequest(id, { action, requestId, sending: true, unanswered: false, error: null });
      try {
        const { notice } = await client.call(ROUTES[action], { token, params: { id }, body: { requestId } });
        if (!stillSending(id, requestId)) return false;
        putRequest(id, null);
        // The counts and the filter follow with the list the feed's notice.updated reloads.
        set({ notices: get().notices.map((n) => (n.id === notice.id ? notice : n)) });
        return true;
      } catch (error) {
        if (!stillSending(id, requestId)) return false;
        if (error instanceof ApiError && error.status === 401) {
          get().endSession('登录已过期，请重新登录');
          return false;
        }
        putRequest(
          id,
          error instanceof ApiError
            ? // A refusal is final for its request: another attempt is a new request.
              { action, requestId, sending: false, unanswered: false, error: refusal(error) }
            : { action, requestId, sending: false, unanswered: true, error: '网络错误，可能未送达，请重试' },
        );
        return false;
      }
    },

    clearOutbox() {
      generation++;
      loading = null;
      again = false;
      set(initialOutboxState);
    },
  };
};
