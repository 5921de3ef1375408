import type { DayHours, HallConfig, WeekHours, WindowTypeConfig } from '../config/hall-config';
import type { HallCalendar } from '../config/hall-config';
import { addDays, hoursOn, localClock, weekdayOf, zonedDateTime } from './hall-time';

export type ClosedCode = 'closed_today' | 'not_yet_open' | 'lunch_break' | 'closed_for_day' | 'cap_reached';

export type Issuable =
  | { ok: true }
  | {
      ok: false;
      code: ClosedCode;
      message: string;
      /** ISO instant of the next opening; null for cap_reached, or when nothing opens in the next 14 days. */
      opensAt: string | null;
    };

export interface IssuableInput {
  hall: HallConfig;
  windowType: WindowTypeConfig;
  now: Date;
  /** Tickets of this window type issued so far on the current hall day. */
  issuedToday: number;
}

/** How far ahead to look for the next opening before giving up (a hall shut for longer says so elsewhere). */
const LOOKAHEAD_DAYS = 14;

const WEEKDAY_NAMES = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const;

/** The hours that apply to a window type: its own when it has them, else the hall's. */
export function hoursFor(hall: HallConfig, windowType: WindowTypeConfig): WeekHours {
  return windowType.hours ?? hall.hours;
}

/** Open, or why not; `at` is the local time the state began (closed_for_day) or ends (not_yet_open, lunch_break). */
type HoursState =
  | { open: true }
  | { open: false; code: 'closed_today' }
  | { open: false; code: 'not_yet_open' | 'lunch_break' | 'closed_for_day'; at: string };

function hoursState(today: DayHours | null, time: string): HoursState {
  if (today === null) return { open: false, code: 'closed_today' };
  if (time < today.open) return { open: false, code: 'not_yet_open', at: today.open };
  if (today.lunch && today.lunch.start <= time && time < today.lunch.end) {
    return { open: false, code: 'lunch_break', at: today.lunch.end };
  }
  if (time >= today.close) return { open: false, code: 'closed_for_day', at: today.close };
  return { open: true };
}

/** Whether the window type's hours are open at `now` (the daily cap is not considered). */
export function isOpenNow(input: { hall: HallConfig; windowType: WindowTypeConfig; now: Date }): boolean {
  const hours = hoursFor(input.hall, input.windowType);
  const clock = localClock(input.now, input.hall.timeZone);
  return hoursState(hoursOn(clock.day, hours, input.hall.calendar), clock.time).open;
}

/** The first opening on a day after `day`, within the lookahead. */
function nextOpening(
  hours: WeekHours,
  calendar: HallCalendar,
  day: string,
  timeZone: string,
): { day: string; time: string; at: string } | null {
  for (let i = 1; i <= LOOKAHEAD_DAYS; i++) {
    const candidate = addDays(day, i);
    const dayHours = hoursOn(candidate, hours, calendar);
    if (dayHours) {
      return {
        day: candidate,
        time: dayHours.open,
        at: zonedDateTime(candidate, dayHours.open, timeZone).toISOString(),
      };
    }
  }
  return null;
}

function describeNext(next: { day: string; time: string } | null): string {
  if (!next) return `no opening in the next ${LOOKAHEAD_DAYS} days`;
  return `opens ${WEEKDAY_NAMES[weekdayOf(next.day)]} ${next.day} at ${next.time}`;
}

/**
 * Whether a ticket of this window type may be issued now: its hours (its own, else the hall's) and its daily cap.
 * Once the day's hours are over, that is the answer even if the cap was also reached: tomorrow's cap is fresh.
 */
export function checkIssuable(input: IssuableInput): Issuable {
  const { hall, windowType, now, issuedToday } = input;
  const hours = hoursFor(hall, windowType);
  const clock = localClock(now, hall.timeZone);
  const today = hoursOn(clock.day, hours, hall.calendar);
  const state = hoursState(today, clock.time);

  if (!state.open && (state.code === 'closed_today' || state.code === 'closed_for_day')) {
    const next = nextOpening(hours, hall.calendar, clock.day, hall.timeZone);
    const closedToday = hall.calendar.holidays.includes(clock.day)
      ? 'closed for a public holiday'
      : `closed on ${WEEKDAY_NAMES[clock.weekday]}s`;
    const message =
      state.code === 'closed_today'
        ? `${closedToday}; ${describeNext(next)}`
        : `closed for the day since ${state.at}; ${describeNext(next)}`;
    return { ok: false, code: state.code, message, opensAt: next?.at ?? null };
  }
  // Before opening or over lunch, waiting is pointless once the day's tickets are gone.
  if (windowType.dailyCap !== undefined && issuedToday >= windowType.dailyCap) {
    return {
      ok: false,
      code: 'cap_reached',
      message: `all ${windowType.dailyCap} tickets for today have been issued`,
      opensAt: null,
    };
  }
  if (!state.open) {
    const { code, at } = state;
    const message = code === 'lunch_break' ? `closed for lunch until ${at}` : `not open yet; opens at ${at}`;
    return { ok: false, code, message, opensAt: zonedDateTime(clock.day, at, hall.timeZone).toISOString() };
  }
  return { ok: true };
}
