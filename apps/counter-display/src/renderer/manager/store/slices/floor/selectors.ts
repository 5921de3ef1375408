import type { HallFeed } from '@hallq/shared/client';
import type { PublicHall } from '@hallq/shared/contracts';
import type { WindowStatus } from '@hallq/shared/domain';
import { PAUSE_REASON_LABEL, TICKET_STATE_LABEL, WINDOW_STATUS_LABEL } from '@hallq/shared/i18n';

export interface FloorWindow {
  number: number;
  name: string;
  status: WindowStatus;
  /**
   * An open window by what it is doing (呼叫中, 办理中, or 开放 with no ticket there), else 暂停（午休） / 关闭: the names
   * the counter panel gives the same states.
   */
  statusLabel: string;
  clerk: string | null;
  post: 'A' | 'B' | null;
  /** The ticket number called or served there now. */
  ticket: string | null;
  serves: string[];
}

/** Every configured window, with its live state (a window the feed has not reported yet shows as closed). */
export function floorWindows(hall: PublicHall | null, feed: HallFeed | null): FloorWindow[] {
  const live = new Map((feed?.windows ?? []).map((w) => [w.number, w]));
  const typeName = new Map((hall?.windowTypes ?? []).map((t) => [t.code, t.name.zh]));
  const numbers = [...new Set([...(hall?.windows ?? []).map((w) => w.number), ...live.keys()])].sort((a, b) => a - b);
  return numbers.map((number) => {
    const config = hall?.windows.find((w) => w.number === number);
    const state = live.get(number);
    const status = state?.status ?? 'closed';
    // currentTicket names the ticket by id; the number is what staff recognise.
    const current = state?.currentTicket ?? null;
    const inPlay = current ? feed?.tickets.find((t) => t.id === current || t.number === current) : undefined;
    const ticket = current && (inPlay?.number ?? current);
    return {
      number,
      name: config?.name.zh ?? `${number}号窗口`,
      status,
      statusLabel:
        status === 'paused' && state?.pauseReason
          ? `${WINDOW_STATUS_LABEL.paused}（${PAUSE_REASON_LABEL[state.pauseReason]}）`
          : status === 'open' && inPlay
            ? TICKET_STATE_LABEL[inPlay.state]
            : WINDOW_STATUS_LABEL[status],
      clerk: state?.clerk ?? null,
      post: state?.post ?? null,
      ticket,
      serves: (config?.serves ?? []).map((code) => typeName.get(code) ?? code),
    };
  });
}

export interface FloorType {
  code: string;
  name: string;
  waiting: number;
  longestWaitMinutes: number;
  targetWaitMinutes: number | null;
  /** The longest wait is past the type's target. */
  overTarget: boolean;
  emptyPost: boolean;
  servingWindows: number[];
}

/** Window types in the hall's order: waiting, longest wait against the target, and 空岗. */
export function floorTypes(hall: PublicHall | null, feed: HallFeed | null): FloorType[] {
  if (!feed) return [];
  const empty = new Set(feed.emptyPosts);
  const order = new Map((hall?.windowTypes ?? []).map((t, i) => [t.code, i]));
  return [...feed.queues]
    .sort((a, b) => (order.get(a.windowType) ?? Infinity) - (order.get(b.windowType) ?? Infinity))
    .map((q) => {
      const config = hall?.windowTypes.find((t) => t.code === q.windowType);
      const target = config?.targetWaitMinutes ?? null;
      return {
        code: q.windowType,
        name: config?.name.zh ?? q.windowType,
        waiting: q.waiting,
        longestWaitMinutes: q.longestWaitMinutes,
        targetWaitMinutes: target,
        overTarget: target !== null && q.waiting > 0 && q.longestWaitMinutes > target,
        emptyPost: empty.has(q.windowType),
        servingWindows: q.servingWindows,
      };
    });
}

/** 空岗 first, so they are seen. */
export function emptyPostNames(hall: PublicHall | null, feed: HallFeed | null): string[] {
  return (feed?.emptyPosts ?? []).map((code) => hall?.windowTypes.find((t) => t.code === code)?.name.zh ?? code);
}
