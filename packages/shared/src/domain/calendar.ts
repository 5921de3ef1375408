import type { HallCalendar } from '../config/hall-config';
import { addDays, weekdayOf } from './hall-time';

/**
 * The hall calendar's one definition of a working day (工作日), for every deadline counted in working days: the
 * promised date of a 承办件 (承诺时限) and a bad rating's follow-up deadline alike. A working day is Monday to Friday,
 * unless the calendar lists it as a holiday (法定节假日), plus each 调休 day the calendar lists (a weekend day worked in
 * exchange). The hall's opening hours play no part: Saturday service (预约, 延时服务) does not make Saturday a working
 * day, and a window type closed on Wednesday does not make Wednesday a holiday.
 */
export function isWorkingDay(day: string, calendar: HallCalendar): boolean {
  if (calendar.holidays.includes(day)) return false;
  if (calendar.workdays.some((w) => w.date === day)) return true;
  const weekday = weekdayOf(day);
  return weekday !== 'sat' && weekday !== 'sun';
}

/** The date `n` working days after `day`; 0 gives `day` itself (即办件). */
export function addWorkingDays(day: string, n: number, calendar: HallCalendar): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number >= 0, got ${n}`);
  let current = day;
  // A calendar cannot list every day of a year as a holiday, so this ends: at most a year of holidays is skipped.
  for (let counted = 0, steps = 0; counted < n; steps++) {
    if (steps > 366 + n * 7) throw new RangeError(`no ${n} working days after ${day} in the calendar`);
    current = addDays(current, 1);
    if (isWorkingDay(current, calendar)) counted++;
  }
  return current;
}
