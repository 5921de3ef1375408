import type { GuideCall } from '@hallq/shared/contracts';
import { orderQueue, type PriorityGroup, type Ticket } from '@hallq/shared/domain';
import type { CounterHall } from '../../../services/client';
import type { CounterState } from '../../types';
import { windowTypeOf } from '../desk/selectors';
import { type LockerFault, lockerFaults } from '../locker/selectors';

/** How many upcoming numbers each queue shows. */
export const NEXT_SHOWN = 5;

export const PRIORITY_LABEL: Record<PriorityGroup, string> = {
  elderly: '老年人',
  disabled: '残疾人',
  pregnant: '孕妇',
  military: '军人',
};

export function typeName(hall: CounterHall | null, code: string): string {
  return windowTypeOf(hall, code)?.name.zh ?? code;
}

/** The window types this window serves, in its order of preference. */
export function servedTypes(state: CounterState): string[] {
  const number = state.session?.window;
  return state.hall?.windows.find((w) => w.number === number)?.serves ?? [];
}

export interface TicketMarks {
  priority: string | null;
  /** Handed on from another window, with where from and the note. */
  transfer: { fromWindow: number; toThisWindow: boolean; note: string | null } | null;
  appointment: boolean;
}

export function ticketMarks(ticket: Ticket, window: number | undefined): TicketMarks {
  return {
    priority: ticket.priority ? PRIORITY_LABEL[ticket.priority] : null,
    transfer: ticket.transfer
      ? {
          fromWindow: ticket.transfer.fromWindow,
          toThisWindow: ticket.transfer.toWindow !== undefined && ticket.transfer.toWindow === window,
          note: ticket.transfer.note ?? null,
        }
      : null,
    appointment: ticket.appointment !== null,
  };
}

export interface QueueRow {
  code: string;
  name: string;
  waiting: number;
  longestWaitMinutes: number;
  targetWaitMinutes: number;
  longWait: boolean;
  emptyPost: boolean;
  next: Ticket[];
}

/**
 * Each served type's line, from the live feed: the waiting figures as the server counts them, and who is next in the
 * order the type calls them (`orderQueue`, as the server's window detail lists them).
 */
export function queueRows(state: CounterState): QueueRow[] {
  const { feed, hall } = state;
  const now = new Date(state.now);
  return servedTypes(state).map((code) => {
    const live = feed?.queues.find((q) => q.windowType === code);
    const line = orderQueue(feed?.tickets.filter((t) => t.windowType === code) ?? [], now);
    const target = windowTypeOf(hall, code)?.targetWaitMinutes ?? Infinity;
    const waiting = live?.waiting ?? line.length;
    const longestWaitMinutes = live?.longestWaitMinutes ?? 0;
    return {
      code,
      name: typeName(hall, code),
      waiting,
      longestWaitMinutes,
      targetWaitMinutes: target,
      longWait: waiting > 0 && longestWaitMinutes > target,
      emptyPost: feed?.emptyPosts.includes(code) ?? false,
      next: line.slice(0, NEXT_SHOWN),
    };
  });
}

export interface Alerts {
  guideCalls: GuideCall[];
  /** Served types with people waiting and no open window (空岗). */
  emptyPosts: QueueRow[];
  /** Served types whose longest wait is past the type's target. */
  longWaits: QueueRow[];
  /** At a pickup window: compartments out of use, their items still recorded against them. */
  lockerFaults: LockerFault[];
}

export function alerts(state: CounterState): Alerts {
  const rows = queueRows(state);
  return {
    guideCalls: state.feed?.guideCalls ?? [],
    emptyPosts: rows.filter((r) => r.emptyPost),
    longWaits: rows.filter((r) => r.longWait),
    lockerFaults: lockerFaults(state),
  };
}
