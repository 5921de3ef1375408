import { ApiError } from '@hallq/shared/client';
import type { ErrorCode } from '@hallq/shared/contracts';
import type { Ticket } from '@hallq/shared/domain';

/** What the clerk reads when something fails: plain Chinese first, the server's own words below it. */
export interface FailureText {
  message: string;
  /** The server's message (English, precise), or null when there was no answer. */
  detail: string | null;
}

export const NETWORK_FAILURE = '网络异常，服务器没有确认这次操作。连接恢复后再按一次即可（同一请求，不会重复办理）。';

const BY_CODE: Partial<Record<ErrorCode, string>> = {
  validation_failed: '填写的内容有误',
  unauthorized: '登录已失效，请重新登录',
  forbidden: '无权在本窗口操作：本窗口可能已由其他人员接管',
  not_found: '找不到该号或该窗口',
  invalid_state: '当前状态不允许此操作（可能已被处理），请看当前号的状态',
  wrong_window: '该号不在本窗口',
  other_day: '不是今天的号',
  request_id_reused: '请求编号冲突，请再操作一次',
  window_busy: '本窗口还有正在呼叫或办理的号，请先办结、转交或标记过号',
  closed_today: '大厅今天不办公',
  not_yet_open: '还没到办公时间',
  lunch_break: '午休时间',
  closed_for_day: '今天已下班',
  internal: '服务器出错，操作没有执行',
};

/**
 * Turns a failed call into words for the clerk. `ticket` and `noShowAfterCalls` let a refused no-show say how many
 * more calls are needed instead of a bare "not allowed".
 */
export function describeFailure(
  error: unknown,
  context: { ticket?: Ticket | null; noShowAfterCalls?: number } = {},
): FailureText {
  if (!(error instanceof ApiError) || error.code === null) return { message: NETWORK_FAILURE, detail: null };
  const detail = error.message;
  if (error.code === 'not_enough_calls') {
    const { ticket, noShowAfterCalls } = context;
    const message =
      ticket && noShowAfterCalls !== undefined
        ? `${ticket.number} 已呼叫 ${ticket.calls} 次，需呼叫满 ${noShowAfterCalls} 次才能标记过号，请先重呼`
        : '呼叫次数不够，还不能标记过号，请先重呼';
    return { message, detail };
  }
  if (error.code === 'validation_failed' && error.fields.length > 0) {
    return { message: `${BY_CODE.validation_failed}：${error.fields.map((f) => f.path).join('、')}`, detail };
  }
  return { message: BY_CODE[error.code] ?? '操作失败', detail };
}
