import { z } from 'zod';
import {
  groupFacts,
  groupKeys,
  keyOrder,
  placeOfStint,
  type Grouping,
  type GroupingHall,
  type Place,
} from './grouping';
import { RatingFigures, ratingFacts, ratingFigures, type RatingEntry, type RatingFact } from './rating-figures';
import { stintFacts, TicketFigures, ticketFigures, type StintFact } from './ticket-figures';
import { visitsOf, type TicketEntry } from './visits';

/** One group of a report: its key under the grouping (a day, a window number, a clerk's id …) and its figures. */
export const ReportGroup = z.object({ key: z.string(), tickets: TicketFigures, ratings: RatingFigures }).strict();
export type ReportGroup = z.infer<typeof ReportGroup>;

/** Whose work a report counts: the whole hall (the manager), a department (its chief representative), one clerk. */
export type ReportScope =
  { kind: 'hall' } | { kind: 'department'; department: string } | { kind: 'clerk'; clerk: string };

/** A part of the hall a report is narrowed to: every criterion given must hold. */
export const ReportFilter = z
  .object({
    department: z.string().min(1).optional(),
    windowType: z.string().min(1).optional(),
    window: z.coerce.number().int().positive().optional(),
    clerk: z.string().min(1).optional(),
    item: z.string().min(1).optional(),
  })
  .strict();
export type ReportFilter = z.infer<typeof ReportFilter>;

/** A scope as a filter: a department's work by the same rule as the `department` grouping. */
const scopeFilter = (scope: ReportScope): ReportFilter =>
  scope.kind === 'hall' ? {} : scope.kind === 'department' ? { department: scope.department } : { clerk: scope.clerk };

/** Whether a place is in the filter: its department, window type, window, clerk and items. */
export function matchesFilter(place: Place, filter: ReportFilter, hall: GroupingHall): boolean {
  const { department, windowType, window, clerk, item } = filter;
  if (department !== undefined && !groupKeys(place, 'department', hall).includes(department)) return false;
  if (windowType !== undefined && place.windowType !== windowType) return false;
  if (window !== undefined && place.window !== window) return false;
  if (clerk !== undefined && place.clerk !== clerk) return false;
  return item === undefined || place.items.includes(item);
}

/** Whether a place is in the scope. */
export const inScope = (place: Place, scope: ReportScope, hall: GroupingHall): boolean =>
  matchesFilter(place, scopeFilter(scope), hall);

/** What a period's figures are counted from: each stint of each visit, and each rating. */
export interface PeriodFacts {
  stints: StintFact[];
  ratings: RatingFact[];
}

/**
 * The facts of a period's journal entries (oldest first). A rating counts under the items its service recorded.
 */
export function periodFacts(entries: {
  tickets: readonly TicketEntry[];
  ratings: readonly RatingEntry[];
}): PeriodFacts {
  const stints = stintFacts(visitsOf(entries.tickets));
  const served = new Map<string, readonly string[]>();
  for (const f of stints) if (f.stint.end?.kind === 'served') served.set(f.visit.ticketId, placeOfStint(f).items);
  return { stints, ratings: ratingFacts(entries.ratings, (ticketId) => served.get(ticketId)) };
}

/** The facts in the scope and the filter. */
export function selectFacts(
  facts: PeriodFacts,
  scope: ReportScope,
  filter: ReportFilter,
  hall: GroupingHall,
): PeriodFacts {
  // The whole hall unfiltered, the manager's usual report, keeps every fact: a year's need not be looked at.
  if (scope.kind === 'hall' && Object.values(filter).every((v) => v === undefined)) return facts;
  const keep = (place: Place) => inScope(place, scope, hall) && matchesFilter(place, filter, hall);
  return {
    stints: facts.stints.filter((f) => keep(placeOfStint(f))),
    ratings: facts.ratings.filter((r) => keep(r.place)),
  };
}

/** What the figures need of the hall: grouping, and each window type's target wait. */
export type SummaryHall = GroupingHall & {
  windowTypes: readonly { code: string; targetWaitMinutes?: number | null }[];
};

/** A window type's target wait in minutes, null where it has none. */
export const targetWaitIn =
  (hall: SummaryHall) =>
  (code: string): number | null =>
    hall.windowTypes.find((t) => t.code === code)?.targetWaitMinutes ?? null;

/**
 * Every figure of the facts by `by`: the tickets (issued, served, outcomes, waits …) and the 好差评 (levels, shares,
 * follow-ups). `now` decides which open follow-ups are overdue. Groups in key order; a group with no ticket and no
 * rating does not appear. Under `item`, a visit that served several items counts under each: the items' figures
 * together may exceed the hall's.
 */
export function summarize(facts: PeriodFacts, by: Grouping, hall: SummaryHall, now: Date): ReportGroup[] {
  const stintGroups = groupFacts(facts.stints, placeOfStint, by, hall);
  const ratingGroups = groupFacts(facts.ratings, (r) => r.place, by, hall);
  const keys = [...new Set([...stintGroups.keys(), ...ratingGroups.keys()])];
  return keys.sort(keyOrder(by)).map((key) => ({
    key,
    tickets: ticketFigures(stintGroups.get(key) ?? [], targetWaitIn(hall)),
    ratings: ratingFigures(ratingGroups.get(key) ?? [], now, hall.timeZone),
  }));
}
