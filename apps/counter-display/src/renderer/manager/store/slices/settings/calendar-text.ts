import type { HallCalendar, Weekday } from '@hallq/shared/contracts';

const WEEKDAYS: Record<string, Weekday> = {
  mon: 'mon',
  tue: 'tue',
  wed: 'wed',
  thu: 'thu',
  fri: 'fri',
  sat: 'sat',
  sun: 'sun',
  周一: 'mon',
  周二: 'tue',
  周三: 'wed',
  周四: 'thu',
  周五: 'fri',
  周六: 'sat',
  周日: 'sun',
  星期一: 'mon',
  星期二: 'tue',
  星期三: 'wed',
  星期四: 'thu',
  星期五: 'fri',
  星期六: 'sat',
  星期日: 'sun',
};

const realDate = (d: string) => {
  const at = Date.parse(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(d);
};

export interface CalendarText {
  holidays: string[];
  workdays: HallCalendar['workdays'];
  /** Lines that are not a day, by their number (from 1), with why. */
  problems: { line: number; text: string; reason: 'not_a_date' | 'no_weekday' }[];
}

/**
 * The year's list as the State Council's notice gives it, pasted a day a line: `2027-01-01` (a holiday, words after
 * it such as 元旦 are its name) or `2027-02-07 调休 mon` (a 调休 workday with the hours of that weekday). Blank lines
 * and lines starting with # are skipped.
 */
export function parseCalendarText(text: string): CalendarText {
  const result: CalendarText = { holidays: [], workdays: [], problems: [] };
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [date = '', ...rest] = line.split(/\s+/);
    const problem = (reason: 'not_a_date' | 'no_weekday') =>
      result.problems.push({ line: index + 1, text: line, reason });
    if (!realDate(date)) return problem('not_a_date');
    const shift = rest.findIndex((word) => word === '调休' || word.toLowerCase() === 'workday');
    if (shift === -1) {
      result.holidays.push(date);
      return;
    }
    const as = WEEKDAYS[(rest[shift + 1] ?? '').toLowerCase()];
    if (!as) return problem('no_weekday');
    result.workdays.push({ date, as });
  });
  return result;
}

/** The calendar with the pasted days added: each date once (a later line wins), in date order. */
export function mergeCalendar(
  calendar: HallCalendar,
  pasted: Pick<CalendarText, 'holidays' | 'workdays'>,
): HallCalendar {
  const workdayDates = new Set(pasted.workdays.map((w) => w.date));
  const holidayDates = new Set(pasted.holidays);
  const holidays = [...new Set([...calendar.holidays.filter((d) => !workdayDates.has(d)), ...pasted.holidays])];
  const workdays = new Map(
    calendar.workdays
      .filter((w) => !holidayDates.has(w.date))
      .map((w): [string, HallCalendar['workdays'][number]] => [w.date, w]),
  );
  for (const w of pasted.workdays) workdays.set(w.date, w);
  return {
    holidays: holidays.sort(),
    workdays: [...workdays.values()].sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}
