import { MAX_REPORT_DAYS, type PublicHall, type StaffMember } from '@hallq/shared/contracts';
import { addDays, hallDay, RatingLevel, type ReportFilter, type ReportGroup, weekdayOf } from '@hallq/shared/domain';
import { type ConsoleScope, consoleScope, inScope, ownDepartment } from '../scope/selectors';
import type { StatisticsFilter, StatisticsPeriod, StatisticsState } from './state';

export interface Period {
  from: string;
  to: string;
}

const DAYS_SINCE_MONDAY = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;

/**
 * The hall days a period covers, `today` being the hall's: a week starts on Monday, as the hall's weekly reports do.
 * Null for a custom period not yet complete, ending before it starts, or longer than a report may be.
 */
export function periodRange(period: StatisticsPeriod, custom: Period, today: string): Period | null {
  const month = today.slice(0, 8);
  switch (period) {
    case 'today':
      return { from: today, to: today };
    case 'thisWeek':
      return { from: addDays(today, -DAYS_SINCE_MONDAY[weekdayOf(today)]), to: today };
    case 'thisMonth':
      return { from: `${month}01`, to: today };
    case 'lastMonth': {
      const to = addDays(`${month}01`, -1);
      return { from: `${to.slice(0, 8)}01`, to };
    }
    case 'custom': {
      const { from, to } = custom;
      if (!from || !to || from > to || addDays(from, MAX_REPORT_DAYS - 1) < to) return null;
      return { from, to };
    }
  }
}

/** The filter as the report routes take it: the console's department, and each chosen criterion. */
export function reportFilter(scope: ConsoleScope, filter: StatisticsFilter): ReportFilter {
  return {
    ...(scope.kind === 'department' && { department: scope.department }),
    ...(filter.windowType !== null && { windowType: filter.windowType }),
    ...(filter.window !== null && { window: filter.window }),
    ...(filter.clerk !== null && { clerk: filter.clerk }),
  };
}

type QueryState = StatisticsState & {
  hall: PublicHall | null;
  session: { staff: { id: string; role: StaffMember['role'] } } | null;
  directory: readonly StaffMember[];
  chosenDepartment: string | null;
};

/**
 * What the page asks for now: the period's days in the hall's time zone (not the console PC's), and the filter in the
 * console's scope. Null while the hall or the session's department is not known yet, or the custom period is not one.
 */
export function statisticsQuery(state: QueryState, now: Date): (Period & ReportFilter) | null {
  const { hall, session } = state;
  const scope = consoleScope(session?.staff.role, ownDepartment(state), state.chosenDepartment);
  if (!hall || scope.kind === 'pending') return null;
  const period = periodRange(state.statisticsPeriod, state.statisticsCustom, hallDay(now, hall.timeZone));
  return period && { ...period, ...reportFilter(scope, state.statisticsFilter) };
}

/** The window types the scope's windows serve (every type for the whole hall), in the hall's order. */
export function statisticsWindowTypes(hall: PublicHall | null, scope: ConsoleScope): { code: string; name: string }[] {
  const served = new Set((hall?.windows ?? []).filter((w) => inScope(scope, w.department)).flatMap((w) => w.serves));
  return (hall?.windowTypes ?? [])
    .filter((t) => scope.kind === 'hall' || served.has(t.code))
    .map((t) => ({ code: t.code, name: t.name.zh }));
}

/** The scope's windows by number; with a window type chosen, those serving it. */
export function statisticsWindows(hall: PublicHall | null, scope: ConsoleScope, windowType: string | null): number[] {
  return (hall?.windows ?? [])
    .filter((w) => inScope(scope, w.department) && (windowType === null || w.serves.includes(windowType)))
    .map((w) => w.number)
    .sort((a, b) => a - b);
}

/** Who may have served in the scope: its staff who work at windows (the manager and floor guides do not). */
export function statisticsClerks(directory: readonly StaffMember[], scope: ConsoleScope): StaffMember[] {
  return directory
    .filter((s) => (s.role === 'clerk' || s.role === 'chief_representative') && inScope(scope, s.department))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The hours of the day the chart shows, each with its group (null without work): the office hours 08–18 at least, and
 * any hour outside them that had work.
 */
export function hourSlots(byHour: readonly ReportGroup[]): { hour: string; group: ReportGroup | null }[] {
  const hours = byHour.map((g) => Number(g.key));
  const first = Math.min(8, ...hours);
  const last = Math.max(18, ...hours);
  return Array.from({ length: last - first + 1 }, (_, i) => {
    const hour = String(first + i).padStart(2, '0');
    return { hour, group: byHour.find((g) => g.key === hour) ?? null };
  });
}

/** The answers of a group by level, from 非常满意 down, with how many were not rated. */
export function levelCounts(group: ReportGroup | null): { level: RatingLevel | 'not_rated'; count: number }[] {
  return [
    ...RatingLevel.options.map((level) => ({ level, count: group?.ratings.byLevel[level] ?? 0 })),
    { level: 'not_rated' as const, count: group?.ratings.notRated ?? 0 },
  ];
}
