import { ApiError } from '@hallq/shared/client';
import type { ManagerServices, ManagerStore } from '../../types';

export interface TestNoticeActions {
  /**
   * 发送测试短信: a fixed text to `phone` through the sender in force (the saved settings, not a draft). Resolves to
   * whether the server queued it; the outbox shows what became of it.
   */
  sendTestNotice(phone: string): Promise<boolean>;
}

/** Why the server refused a test, in the manager's words where the cause is known. */
function refusal(error: ApiError): string {
  if (error.status === 429) return `一分钟内只能发送一条测试短信，请 ${error.retryAfterSeconds ?? 60} 秒后再试`;
  if (error.status === 409) return '当前设置为窗口转达，不发送短信：请先选择短信猫或短信网关并保存';
  if (error.status === 400) return '请输入 11 位手机号码';
  return error.message;
}

export function createTestNoticeActions(
  set: ManagerStore['setState'],
  get: ManagerStore['getState'],
  client: ManagerServices['client'],
  newRequestId: ManagerServices['newRequestId'],
): TestNoticeActions {
  /** The page closed (or another test began) while this one was out: its answer changes nothing. */
  const current = (requestId: string) => {
    const now = get().settingsTestNotice;
    return now.status === 'sending' && now.requestId === requestId;
  };

  return {
    async sendTestNotice(phone) {
      const token = get().session?.token;
      const before = get().settingsTestNotice;
      if (!token || before.status === 'sending') return false;
      const again = before.status === 'failed' && before.unanswered?.phone === phone ? before.unanswered : null;
      const requestId = again?.requestId ?? newRequestId();
      set({ settingsTestNotice: { status: 'sending', requestId } });
      try {
        const { notice } = await client.call('testNotice', { token, body: { requestId, phone } });
        if (!current(requestId)) return false;
        set({ settingsTestNotice: { status: 'queued', notice } });
        return true;
      } catch (error) {
        if (!current(requestId)) return false;
        if (error instanceof ApiError && error.status === 401) {
          get().endSession('登录已过期，请重新登录');
          return false;
        }
        set({
          settingsTestNotice:
            error instanceof ApiError
              ? {
                  status: 'failed',
                  message: refusal(error),
                  unanswered: null,
                  retryAfterSeconds: error.retryAfterSeconds,
                }
              : {
                  status: 'failed',
                  message: '网络错误，可能已发送，请在通知发件箱查看或再试一次',
                  unanswered: { requestId, phone },
                  retryAfterSeconds: null,
                },
        });
        return false;
      }
    },
  };
}
