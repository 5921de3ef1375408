import type { HallConfig } from '../../config/hall-config';
import { hoursOn, zonedDateTime } from '../hall-time';

/**
 * Where something still going on at the end of its hall day (a window held, an empty post) stops counting: the day's
 * closing time; midnight on a day the hall is closed, or when it began after closing; and never later than now.
 */
export function endOfHallDay(
  day: string,
  since: string,
  hall: Pick<HallConfig, 'timeZone' | 'hours' | 'calendar'>,
  now: Date,
): string {
  const hours = hoursOn(day, hall.hours, hall.calendar);
  const closing = hours ? zonedDateTime(day, hours.close, hall.timeZone).toISOString() : null;
  const end = closing !== null && closing > since ? closing : zonedDateTime(day, '24:00', hall.timeZone).toISOString();
  return end < now.toISOString() ? end : now.toISOString();
}
