import type { DayHours, HallConfig, WeekHours } from '@hallq/shared/contracts';

const ALL_DAY: DayHours = { open: '00:00', close: '24:00' };
const ALL_WEEK: WeekHours = {
  mon: ALL_DAY,
  tue: ALL_DAY,
  wed: ALL_DAY,
  thu: ALL_DAY,
  fri: ALL_DAY,
  sat: ALL_DAY,
  sun: ALL_DAY,
};

/**
 * For demonstrations and tests at any hour: every window type takes tickets all day, every day, holidays too (so such
 * a run also counts the calendar's holidays as working days).
 */
export function ignoringHours(hall: HallConfig): HallConfig {
  return {
    ...hall,
    hours: ALL_WEEK,
    calendar: { ...hall.calendar, holidays: [] },
    windowTypes: hall.windowTypes.map((t) => ({ ...t, hours: ALL_WEEK })),
  };
}
