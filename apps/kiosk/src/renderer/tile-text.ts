import type { ClosedReason, QueueInfo, WindowTypeConfig } from '@hallq/shared';

/** What one window-type tile on the kiosk says, all in Chinese. */
export interface TileText {
  code: string;
  name: string;
  open: boolean;
  waiting: string;
  /** The estimated wait when open, or why the type is closed. */
  status: string;
}

/** "约 12 分钟"; "无需等待" at 0; "暂无窗口办理" when no open window serves the type (null). */
export function formatWait(minutes: number | null): string {
  if (minutes === null) return '暂无窗口办理';
  if (minutes === 0) return '无需等待';
  return `约 ${minutes} 分钟`;
}

function clockTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

function dayAndTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, month: 'numeric', day: 'numeric' }).formatToParts(
    new Date(iso),
  );
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}月${part('day')}日 ${clockTime(iso, timeZone)}`;
}

/** Why a window type takes no tickets now, in Chinese; times are shown in the hall's time zone. */
export function formatClosed(closed: ClosedReason, timeZone: string): string {
  const at = closed.opensAt;
  switch (closed.code) {
    case 'lunch_break':
      return at ? `午间休息，${clockTime(at, timeZone)} 恢复取号` : '午间休息';
    case 'not_yet_open':
      return at ? `尚未开始取号，${clockTime(at, timeZone)} 开始` : '尚未开始取号';
    case 'cap_reached':
      return '今日号源已取完';
    case 'closed_for_day':
      return at ? `今日取号已结束，下次取号 ${dayAndTime(at, timeZone)}` : '今日取号已结束';
    case 'closed_today':
      return at ? `今日不办理，下次取号 ${dayAndTime(at, timeZone)}` : '今日不办理';
  }
}

/** One tile per configured window type, in the hall's order; a type the queue list lacks shows as unavailable. */
export function tileTexts(windowTypes: WindowTypeConfig[], queues: QueueInfo[], timeZone: string): TileText[] {
  const byCode = new Map(queues.map((q) => [q.windowType, q]));
  return windowTypes.map((type) => {
    const q = byCode.get(type.code);
    const base = { code: type.code, name: type.name.zh };
    if (!q) return { ...base, open: false, waiting: '—', status: '暂无信息' };
    const waiting = `${q.waiting} 人等候`;
    if (q.closed) return { ...base, open: false, waiting, status: formatClosed(q.closed, timeZone) };
    return { ...base, open: q.open, waiting, status: `预计等待 ${formatWait(q.estimatedWaitMinutes)}` };
  });
}
