import type { ClosedReason, QueueInfo, QueuesResponse, WindowTypeConfig } from '@hallq/shared';

/** One row of the live queue table, ready to show. */
export interface QueueRow {
  code: string;
  name: string;
  waiting: number;
  estimatedWait: string;
  longestWait: string;
  windows: string;
  issued: string;
  status: string;
  open: boolean;
  /** People wait and no open window serves the type (空岗). */
  emptyPost: boolean;
}

const CLOSED_LABEL: Record<ClosedReason['code'], string> = {
  not_yet_open: '未开始',
  lunch_break: '午休',
  closed_for_day: '已结束',
  closed_today: '今日不办',
  cap_reached: '已满号',
};

function minutes(value: number | null): string {
  return value === null ? '—' : `${value} 分钟`;
}

function row(code: string, name: string, q: QueueInfo, emptyPosts: Set<string>): QueueRow {
  const emptyPost = emptyPosts.has(code);
  return {
    code,
    name,
    waiting: q.waiting,
    estimatedWait: minutes(q.estimatedWaitMinutes),
    longestWait: q.waiting === 0 ? '—' : minutes(q.longestWaitMinutes),
    windows: q.servingWindows.length === 0 ? '无' : `${q.servingWindows.join('、')}号`,
    issued: q.dailyCap === null ? String(q.issuedToday) : `${q.issuedToday} / ${q.dailyCap}`,
    status: emptyPost ? '空岗' : q.closed ? CLOSED_LABEL[q.closed.code] : q.open ? '取号中' : '暂停',
    open: q.open,
    emptyPost,
  };
}

/**
 * The table rows: the hall's window types in configuration order, named in Chinese, then any
 * type the server reports that the configuration lacks (shown by its code).
 */
export function queueRows(windowTypes: WindowTypeConfig[], response: QueuesResponse): QueueRow[] {
  const names = new Map(windowTypes.map((t) => [t.code, t.name.zh]));
  const order = new Map(windowTypes.map((t, i) => [t.code, i]));
  const emptyPosts = new Set(response.emptyPosts);
  return [...response.queues]
    .sort((a, b) => (order.get(a.windowType) ?? Infinity) - (order.get(b.windowType) ?? Infinity))
    .map((q) => row(q.windowType, names.get(q.windowType) ?? q.windowType, q, emptyPosts));
}
