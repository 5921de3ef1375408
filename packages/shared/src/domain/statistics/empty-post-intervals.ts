import { z } from 'zod';
import type { HallConfig } from '../../config/hall-config';
import { emptyPosts } from '../empty-post';
import type { WindowState } from '../window';
import type { WindowEntry } from './attendance';
import { endOfHallDay } from './day-end';
import { minutesFrom } from './durations';
import { transferTarget, type TicketEntry } from './visits';

/** One 空岗: a window type with people waiting and no open window with a clerk serving it, from `from` to `to`. */
export const EmptyPostInterval = z
  .object({
    day: z.string(),
    windowType: z.string(),
    from: z.string(),
    to: z.string(),
    minutes: z.number().min(0),
  })
  .strict();
export type EmptyPostInterval = z.infer<typeof EmptyPostInterval>;

type Hall = Pick<HallConfig, 'timeZone' | 'hours' | 'calendar' | 'windows' | 'windowTypes'>;

/**
 * The empty posts of the period, replayed day by day from the journal: the queues' lengths from the ticket entries,
 * the windows' states from the window entries, and after each entry the rule the live hall applies (`emptyPosts`).
 * Each day is replayed from every window closed. An empty post still open at the end of its day ends at the closing
 * time (or now, while the day goes on). The entries of both kinds, in journal order.
 */
export function emptyPostIntervals(
  entries: readonly (TicketEntry | WindowEntry)[],
  hall: Hall,
  now: Date,
): EmptyPostInterval[] {
  const intervals: EmptyPostInterval[] = [];
  const byDay = new Map<string, (TicketEntry | WindowEntry)[]>();
  for (const e of entries) {
    const day = byDay.get(e.hallDay);
    if (day) day.push(e);
    else byDay.set(e.hallDay, [e]);
  }
  for (const [day, dayEntries] of byDay) intervals.push(...replayDay(day, dayEntries, hall, now));
  return intervals.sort((a, b) =>
    a.from === b.from ? (a.windowType < b.windowType ? -1 : 1) : a.from < b.from ? -1 : 1,
  );
}

function replayDay(day: string, entries: readonly (TicketEntry | WindowEntry)[], hall: Hall, now: Date) {
  const windows = new Map<number, Pick<WindowState, 'number' | 'status' | 'clerk'>>();
  const tickets = new Map<string, { type: string; waiting: boolean }>();
  const waiting: Record<string, number> = {};
  const open = new Map<string, string>();
  const intervals: EmptyPostInterval[] = [];
  const queue = (type: string, n: number) => (waiting[type] = (waiting[type] ?? 0) + n);
  const close = (type: string, at: string) => {
    const from = open.get(type)!;
    intervals.push({ day, windowType: type, from, to: at, minutes: Math.round(minutesFrom(from, at) * 10) / 10 });
    open.delete(type);
  };

  for (const e of entries) {
    if (e.type.startsWith('window.')) applyWindow(windows, e as WindowEntry);
    else applyTicket(tickets, queue, e as TicketEntry);
    const empty = new Set(emptyPosts(hall, [...windows.values()], waiting));
    for (const type of empty) if (!open.has(type)) open.set(type, e.at);
    for (const type of [...open.keys()]) if (!empty.has(type)) close(type, e.at);
  }
  const end = endOfHallDay(day, entries.at(-1)?.at ?? '', hall, now);
  for (const type of [...open.keys()]) close(type, end);
  return intervals;
}

function applyWindow(windows: Map<number, Pick<WindowState, 'number' | 'status' | 'clerk'>>, e: WindowEntry): void {
  if (e.window === null || e.window === undefined) return;
  const state = windows.get(e.window) ?? { number: e.window, status: 'closed', clerk: null };
  switch (e.type) {
    case 'window.loggedIn':
      windows.set(e.window, { ...state, status: 'open', clerk: e.data.command.clerk ?? state.clerk });
      return;
    case 'window.handedOver':
      windows.set(e.window, { ...state, clerk: e.data.to });
      return;
    case 'window.loggedOut':
      windows.set(e.window, { ...state, status: 'closed', clerk: null });
      return;
    case 'window.paused':
      windows.set(e.window, { ...state, status: 'paused' });
      return;
    case 'window.resumed':
      windows.set(e.window, { ...state, status: 'open' });
      return;
  }
}

/** A ticket's move in or out of a queue: issued, transferred in or reactivated join it; a call or cancel leaves it. */
function applyTicket(
  tickets: Map<string, { type: string; waiting: boolean }>,
  queue: (type: string, n: number) => void,
  e: TicketEntry,
): void {
  const id = e.ticketId;
  if (!id) return;
  const t = tickets.get(id);
  const leave = () => {
    if (t?.waiting) {
      queue(t.type, -1);
      t.waiting = false;
    }
  };
  switch (e.type) {
    case 'ticket.issued':
      tickets.set(id, { type: e.data.windowType, waiting: true });
      queue(e.data.windowType, 1);
      return;
    case 'ticket.called':
    case 'ticket.cancelled':
      leave();
      return;
    case 'ticket.reactivated':
      if (t && !t.waiting) {
        t.waiting = true;
        queue(t.type, 1);
      }
      return;
    case 'ticket.transferred': {
      const to = transferTarget(e.data.command);
      if (t && to) {
        t.type = to;
        t.waiting = true;
        queue(to, 1);
      }
      return;
    }
    default:
      return;
  }
}
