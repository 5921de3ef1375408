import { z } from 'zod';
import { groupFacts, groupKey, keyOrder, placeOfStint, type Grouping, type GroupingHall, type Place } from './grouping';
import { RatingFigures, ratingFacts, ratingFigures, type RatingEntry } from './rating-figures';
import { stintFacts, TicketFigures, ticketFigures } from './ticket-figures';
import { visitsOf, type TicketEntry } from './visits';

/** One group of a report: its key under the grouping (a day, a window number, a clerk's id …) and its figures. */
export const ReportGroup = z.object({ key: z.string(), tickets: TicketFigures, ratings: RatingFigures }).strict();
export type ReportGroup = z.infer<typeof ReportGroup>;

/** Whose work a report counts: the whole hall (the manager), a department (its chief representative), one clerk. */
export type ReportScope =
  { kind: 'hall' } | { kind: 'department'; department: string } | { kind: 'clerk'; clerk: string };

/** Whether a place is in the scope: a department's by the same rule as the `department` grouping. */
export function inScope(place: Place, scope: ReportScope, hall: GroupingHall): boolean {
  switch (scope.kind) {
    case 'hall':
      return true;
    case 'department':
      return groupKey(place, 'department', hall) === scope.department;
    case 'clerk':
      return place.clerk === scope.clerk;
  }
}

/** What the figures need of the hall: grouping, and each window type's target wait. */
export type SummaryHall = GroupingHall & {
  windowTypes: readonly { code: string; targetWaitMinutes?: number | null }[];
};

/**
 * Every figure of the period the entries cover, by `by`, within `scope`: the tickets (issued, served, outcomes,
 * waits …) and the 好差评 (levels, shares, follow-ups). The entries are the journal's of the period, oldest first;
 * `now` decides which open follow-ups are overdue. Groups in key order; a group with no ticket and no rating does not
 * appear.
 */
export function summarize(
  entries: { tickets: readonly TicketEntry[]; ratings: readonly RatingEntry[] },
  by: Grouping,
  scope: ReportScope,
  hall: SummaryHall,
  now: Date,
): ReportGroup[] {
  const target = (code: string) => hall.windowTypes.find((t) => t.code === code)?.targetWaitMinutes ?? null;
  const stints = stintFacts(visitsOf(entries.tickets)).filter((f) => inScope(placeOfStint(f), scope, hall));
  const rated = ratingFacts(entries.ratings).filter((r) => inScope(r.place, scope, hall));
  const stintGroups = groupFacts(stints, placeOfStint, by, hall);
  const ratingGroups = groupFacts(rated, (r) => r.place, by, hall);
  const keys = [...new Set([...stintGroups.keys(), ...ratingGroups.keys()])];
  return keys.sort(keyOrder(by)).map((key) => ({
    key,
    tickets: ticketFigures(stintGroups.get(key) ?? [], target),
    ratings: ratingFigures(ratingGroups.get(key) ?? [], now, hall.timeZone),
  }));
}
