import { type DayHours, type FieldError, type WeekHours, Weekday } from '@hallq/shared/contracts';

/** The hours a day opens with when nothing nearer is known: a common hall's day. */
export const USUAL_DAY: DayHours = { open: '09:00', close: '17:00' };
/** The lunch break a day gets when 午休 is ticked: noon for ninety minutes, as most halls keep it. */
export const USUAL_LUNCH: NonNullable<DayHours['lunch']> = { start: '12:00', end: '13:30' };

/**
 * The week with `day` closed, or opened again. A day opened takes the hours of the nearest open day before it (Saturday
 * reopened is usually Friday's hours), so the manager only adjusts what differs.
 */
export function withClosed(week: WeekHours, day: Weekday, closed: boolean): WeekHours {
  if (closed) return { ...week, [day]: null };
  if (week[day]) return week;
  const week7 = Weekday.options;
  const at = week7.indexOf(day);
  const before = [1, 2, 3, 4, 5, 6].map((back) => week[week7[(at - back + 7) % 7]!]).find((d) => d !== null);
  return { ...week, [day]: before ? { ...before } : { ...USUAL_DAY } };
}

/** A day with its lunch break taken or given up (延时服务: served through lunch). */
export function withLunch(day: DayHours, lunch: boolean): DayHours {
  if (!lunch) {
    const rest = { ...day };
    delete rest.lunch;
    return rest;
  }
  return day.lunch ? day : { ...day, lunch: { ...USUAL_LUNCH } };
}

/** The errors at exactly `at`; those inside it belong to the fields that show them. */
export const errorsExactlyAt = (fields: readonly FieldError[], at: string): string[] =>
  fields.filter((f) => f.path === at).map((f) => f.message);
