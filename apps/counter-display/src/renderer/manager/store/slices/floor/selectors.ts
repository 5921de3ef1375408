import type { HallFeed } from '@hallq/shared/client';
import type { PublicHall } from '@hallq/shared/contracts';
import type { Post, WindowStatus } from '@hallq/shared/domain';
import { PAUSE_REASON_LABEL, TICKET_STATE_LABEL, WINDOW_STATUS_LABEL } from '@hallq/shared/i18n';
import { type ConsoleScope, inScope } from '../scope/selectors';

export interface FloorWindow {
  number: number;
  name: string;
  department: string | null;
  status: WindowStatus;
  /**
   * An open window by what it is doing (呼叫中, 办理中, or 开放 with no ticket there), else 暂停（午休） / 关闭: the names
   * the counter panel gives the same states.
   */
  statusLabel: string;
  clerk: string | null;
  post: Post | null;
  /** The other post's clerk, logged in and waiting for the service at the window to end to take it over. */
  incoming: { clerk: string; post: Post } | null;
  /** The ticket number called or served there now. */
  ticket: string | null;
  serves: string[];
}

/**
 * The scope's configured windows, with their live state (a window the feed has not reported yet shows as closed). The
 * whole hall also shows a window the feed reports and the hall file does not name.
 */
export function floorWindows(hall: PublicHall | null, feed: HallFeed | null, scope: ConsoleScope): FloorWindow[] {
  const live = new Map((feed?.windows ?? []).map((w) => [w.number, w]));
  const typeName = new Map((hall?.windowTypes ?? []).map((t) => [t.code, t.name.zh]));
  const configured = (hall?.windows ?? []).filter((w) => inScope(scope, w.department)).map((w) => w.number);
  const unnamed = scope.kind === 'hall' ? [...live.keys()] : [];
  const numbers = [...new Set([...configured, ...unnamed])].sort((a, b) => a - b);
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
      department: config?.department ?? null,
      status,
      statusLabel:
        status === 'paused' && state?.pauseReason
          ? `${WINDOW_STATUS_LABEL.paused}（${PAUSE_REASON_LABEL[state.pauseReason]}）`
          : status === 'open' && inPlay
            ? TICKET_STATE_LABEL[inPlay.state]
            : WINDOW_STATUS_LABEL[status],
      clerk: state?.clerk ?? null,
      post: state?.post ?? null,
      incoming: state?.incoming ? { clerk: state.incoming.clerk, post: state.incoming.post } : null,
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

/** The window types the scope's windows serve; every type for the whole hall. */
function scopeTypes(hall: PublicHall | null, scope: ConsoleScope): ((code: string) => boolean) | null {
  if (scope.kind === 'hall') return null;
  const served = new Set((hall?.windows ?? []).filter((w) => inScope(scope, w.department)).flatMap((w) => w.serves));
  return (code) => served.has(code);
}

/**
 * Window types in the hall's order: waiting, longest wait against the target, and 空岗. The whole hall lists the types
 * with people waiting or a 空岗; a department every type its windows serve, waiting or not, as few as they are.
 */
export function floorTypes(hall: PublicHall | null, feed: HallFeed | null, scope: ConsoleScope): FloorType[] {
  if (!feed) return [];
  const empty = new Set(feed.emptyPosts);
  const order = new Map((hall?.windowTypes ?? []).map((t, i) => [t.code, i]));
  const served = scopeTypes(hall, scope);
  return [...feed.queues]
    .filter((q) => (served ? served(q.windowType) : q.waiting > 0 || empty.has(q.windowType)))
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

/** 空岗 of the scope's types, shown first so they are seen. */
export function emptyPostNames(hall: PublicHall | null, feed: HallFeed | null, scope: ConsoleScope): string[] {
  const served = scopeTypes(hall, scope);
  return (feed?.emptyPosts ?? [])
    .filter((code) => !served || served(code))
    .map((code) => hall?.windowTypes.find((t) => t.code === code)?.name.zh ?? code);
}
