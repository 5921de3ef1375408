import { z } from 'zod';
import type { HallConfig } from '../../config/hall-config';
import { PauseReason, type Post } from '../window';
import { endOfHallDay } from './day-end';
import { minutesFrom } from './durations';
import { stintFacts } from './ticket-figures';
import { visitsOf, type JournalEntryBase, type TicketEntry } from './visits';

/** What attendance reads of the journal's window entries (`window.*`), with only the data it uses. */
export type WindowEntry = JournalEntryBase &
  (
    | { type: 'window.loggedIn'; data: { command: { type: string; clerk?: string; post?: Post } } }
    | { type: 'window.loggedOut'; data: { command: { type: string; clerk?: string } } }
    | { type: 'window.paused'; data: { command: { type: string; reason?: PauseReason } } }
    | { type: 'window.resumed' }
    | { type: 'window.handedOver'; data: { from: string | null; to: string; post: Post } }
  );

export const WINDOW_ENTRY_TYPES = [
  'window.loggedIn',
  'window.loggedOut',
  'window.paused',
  'window.resumed',
  'window.handedOver',
] as const satisfies readonly WindowEntry['type'][];

const minutes = z.number().min(0);

/** One clerk's day at the windows (考勤), in minutes (definitions: docs/statistics.md). */
export const AttendanceRow = z
  .object({
    day: z.string(),
    clerk: z.string(),
    /** Holding a window, as its A or B post, from taking it to leaving it. */
    onPostMinutes: minutes,
    /** Of that, paused, by reason. */
    pausedMinutes: z.record(PauseReason, minutes),
    /** Serving citizens: the service times of the stints the clerk ended. */
    servingMinutes: minutes,
    /** On post, neither paused nor serving: waiting for the next citizen. */
    idleMinutes: minutes,
    /** Times the clerk took a window over from the other post as its B post (AB岗). */
    takeovers: z.number().int().min(0),
  })
  .strict();
export type AttendanceRow = z.infer<typeof AttendanceRow>;

interface Holding {
  clerk: string;
  since: string;
  pausedSince: string | null;
  reason: PauseReason;
}

const round = (m: number) => Math.round(m * 10) / 10;

/**
 * Each clerk's day at the windows, from the window entries (who held which window when, and its pauses) and the
 * ticket entries (their services), in order of day and clerk. A window still held at the end of its day is counted to
 * the day's closing time (midnight on a day the hall is closed, or for a login after closing), and never past `now`.
 */
export function attendance(
  entries: { windows: readonly WindowEntry[]; tickets: readonly TicketEntry[] },
  hall: Pick<HallConfig, 'timeZone' | 'hours' | 'calendar'>,
  now: Date,
): AttendanceRow[] {
  const rows = new Map<string, AttendanceRow>();
  const row = (day: string, clerk: string) => {
    const key = `${day} ${clerk}`;
    let r = rows.get(key);
    if (!r) {
      const pausedMinutes = Object.fromEntries(PauseReason.options.map((p) => [p, 0])) as Record<PauseReason, number>;
      r = { day, clerk, onPostMinutes: 0, pausedMinutes, servingMinutes: 0, idleMinutes: 0, takeovers: 0 };
      rows.set(key, r);
    }
    return r;
  };
  const holdings = new Map<string, Holding>();
  const release = (day: string, window: number, at: string) => {
    const held = holdings.get(`${day} ${window}`);
    if (!held) return;
    const r = row(day, held.clerk);
    if (held.pausedSince !== null) r.pausedMinutes[held.reason] += minutesFrom(held.pausedSince, at);
    r.onPostMinutes += minutesFrom(held.since, at);
    holdings.delete(`${day} ${window}`);
  };
  const take = (day: string, window: number, clerk: string, at: string) => {
    release(day, window, at);
    holdings.set(`${day} ${window}`, { clerk, since: at, pausedSince: null, reason: 'other' });
  };

  for (const e of entries.windows) {
    const window = e.window;
    if (window === null || window === undefined) continue;
    const held = holdings.get(`${e.hallDay} ${window}`);
    switch (e.type) {
      case 'window.loggedIn': {
        const clerk = e.data.command.clerk;
        if (!clerk || held?.clerk === clerk) break;
        if (held && e.data.command.post === 'B') row(e.hallDay, clerk).takeovers += 1;
        take(e.hallDay, window, clerk, e.at);
        break;
      }
      case 'window.handedOver':
        if (e.data.post === 'B') row(e.hallDay, e.data.to).takeovers += 1;
        take(e.hallDay, window, e.data.to, e.at);
        break;
      case 'window.loggedOut':
        release(e.hallDay, window, e.at);
        break;
      case 'window.paused':
        if (held && held.pausedSince === null) {
          held.pausedSince = e.at;
          held.reason = e.data.command.reason ?? 'other';
        }
        break;
      case 'window.resumed':
        if (held?.pausedSince) {
          row(e.hallDay, held.clerk).pausedMinutes[held.reason] += minutesFrom(held.pausedSince, e.at);
          held.pausedSince = null;
        }
        break;
    }
  }
  for (const key of [...holdings.keys()]) {
    const [day, window] = key.split(' ') as [string, string];
    release(day, Number(window), endOfHallDay(day, holdings.get(key)!.since, hall, now));
  }

  for (const { visit, stint } of stintFacts(visitsOf(entries.tickets))) {
    if (stint.end?.kind !== 'served' || !stint.startedAt || !stint.clerk) continue;
    row(visit.hallDay, stint.clerk).servingMinutes += minutesFrom(stint.startedAt, stint.endedAt!);
  }
  return [...rows.values()]
    .map((r) => {
      const paused = Object.values(r.pausedMinutes).reduce((a, b) => a + b, 0);
      const pausedMinutes = Object.fromEntries(Object.entries(r.pausedMinutes).map(([k, v]) => [k, round(v)]));
      return {
        ...r,
        onPostMinutes: round(r.onPostMinutes),
        pausedMinutes: pausedMinutes as Record<PauseReason, number>,
        servingMinutes: round(r.servingMinutes),
        idleMinutes: round(Math.max(0, r.onPostMinutes - paused - r.servingMinutes)),
      };
    })
    .sort((a, b) => (a.day === b.day ? (a.clerk < b.clerk ? -1 : 1) : a.day < b.day ? -1 : 1));
}
