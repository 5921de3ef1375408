import type { DayHours, HallCalendar, WeekHours, Weekday } from '../config/hall-config';

export interface LocalClock {
  /** The hall day, YYYY-MM-DD. */
  day: string;
  weekday: Weekday;
  /** The local time of day, HH:MM (seconds dropped, so 08:59:59 is still before a 09:00 opening). */
  time: string;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: Weekday;
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat is far slower than using one, and every request asks for the hall day.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The last answer per zone: a busy server asks about the same second many times, and Intl is slow. */
const lastWallClock = new Map<string, { second: number; clock: Readonly<WallClock> }>();

function wallClock(instant: Date | number, timeZone: string): Readonly<WallClock> {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const second = Math.floor(ms / 1000);
  const cached = lastWallClock.get(timeZone);
  if (cached?.second === second) return cached.clock;
  const clock = computeWallClock(ms, timeZone);
  lastWallClock.set(timeZone, { second, clock });
  return clock;
}

function computeWallClock(instant: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const weekday = (parts.weekday ?? '').toLowerCase() as Weekday;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    // Some engines still print midnight as 24 even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function dayString(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseDay(day: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a date as YYYY-MM-DD`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function parseTime(time: string): { hour: number; minute: number } {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`"${time}" is not a time as HH:MM`);
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/** The hall day (YYYY-MM-DD) of an instant, in the hall's time zone. */
export function hallDay(now: Date, timeZone: string): string {
  const wall = wallClock(now, timeZone);
  return dayString(wall.year, wall.month, wall.day);
}

/** The hall day, weekday and HH:MM of an instant, in the hall's time zone. */
export function localClock(now: Date, timeZone: string): LocalClock {
  const wall = wallClock(now, timeZone);
  return {
    day: dayString(wall.year, wall.month, wall.day),
    weekday: wall.weekday,
    time: `${pad(wall.hour)}:${pad(wall.minute)}`,
  };
}

/** The weekday of a calendar date (the date alone decides it, whatever the zone). */
export function weekdayOf(day: string): Weekday {
  const { year, month, day: d } = parseDay(day);
  return WEEKDAYS[new Date(Date.UTC(year, month - 1, d)).getUTCDay()] as Weekday;
}

/** The calendar date n days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const { year, month, day: d } = parseDay(day);
  return new Date(Date.UTC(year, month - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * The hours of a calendar date: none on a holiday (法定节假日), those of the weekday a 调休 day stands in for, else its
 * own weekday's.
 */
export function hoursOn(day: string, weekHours: WeekHours, calendar?: HallCalendar): DayHours | null {
  if (calendar?.holidays.includes(day)) return null;
  const swapped = calendar?.workdays.find((w) => w.date === day);
  return weekHours[swapped ? swapped.as : weekdayOf(day)];
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the hall's clock shows `time` on `day` ('24:00' is midnight at the end of the day).
 * Across a DST change it behaves like Temporal's 'compatible': a time skipped by a spring-forward gap moves later by
 * the gap, and a time that occurs twice in an autumn overlap is the earlier one.
 */
export function zonedDateTime(day: string, time: string, timeZone: string): Date {
  const { year, month, day: d } = parseDay(day);
  const { hour, minute } = parseTime(time);
  const wallAsUtc = Date.UTC(year, month - 1, d, hour, minute);
  // Any offset change near the wanted time lies inside this window, so the offsets on both sides bracket it.
  const before = wallAsUtc - offsetAt(wallAsUtc - DAY_MS, timeZone);
  const after = wallAsUtc - offsetAt(wallAsUtc + DAY_MS, timeZone);
  const shows = (instant: number) => instant + offsetAt(instant, timeZone) === wallAsUtc;
  const candidates = [before, after].filter(shows);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // In a gap the earlier side's offset reads the wall time as an instant after the change.
  return new Date(before);
}
