import { z } from 'zod';
import { HallDay } from '../ticket';
import { groupFacts, placeOfStint, type Grouping } from './grouping';
import { targetWaitIn, type PeriodFacts, type SummaryHall } from './summary';
import { countsIn, OUTCOME_KINDS, serviceOf, waitOf, type StintFact, type StintFigure } from './ticket-figures';

/** The most tickets one drill-down lists; the count says how many there were. */
export const MAX_DRILL_DOWN_ROWS = 500;

const minutes = z.number().nullable();

/** One stint behind a figure: which ticket, where it queued and ended, its times, and how it ended. */
export const StintRow = z
  .object({
    ticketId: z.string(),
    number: z.string(),
    day: HallDay,
    windowType: z.string(),
    items: z.array(z.string()),
    window: z.number().int().nullable(),
    clerk: z.string().nullable(),
    queuedAt: z.string(),
    calledAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
    /** An outcome kind (served), `noShow`, `cancelled`, or null while still in play. */
    end: z.enum([...OUTCOME_KINDS, 'noShow', 'cancelled']).nullable(),
    waitMinutes: minutes,
    serviceMinutes: minutes,
  })
  .strict();
export type StintRow = z.infer<typeof StintRow>;

function rowOf(fact: StintFact): StintRow {
  const { visit, stint } = fact;
  const place = placeOfStint(fact);
  const end = stint.end;
  return {
    ticketId: visit.ticketId,
    number: visit.number,
    day: visit.hallDay,
    windowType: stint.windowType,
    items: [...place.items],
    window: place.window,
    clerk: place.clerk,
    queuedAt: stint.queuedAt,
    calledAt: stint.firstCall?.at ?? null,
    startedAt: stint.startedAt,
    endedAt: stint.endedAt,
    end: end === null ? null : end.kind === 'served' ? end.outcome : end.kind,
    waitMinutes: waitOf(stint),
    serviceMinutes: serviceOf(stint),
  };
}

/**
 * The tickets behind one figure of one group (the same facts and the same definitions as the summary's), in the order
 * they queued, at most MAX_DRILL_DOWN_ROWS of them, with how many there were.
 */
export function stintsBehind(
  facts: PeriodFacts,
  by: Grouping,
  key: string,
  figure: StintFigure,
  hall: SummaryHall,
): { total: number; rows: StintRow[] } {
  const target = targetWaitIn(hall);
  const group = groupFacts(facts.stints, placeOfStint, by, hall).get(key) ?? [];
  const behind = group.filter((f) => countsIn(f, figure, target));
  behind.sort((a, b) => (a.stint.queuedAt < b.stint.queuedAt ? -1 : a.stint.queuedAt > b.stint.queuedAt ? 1 : 0));
  return { total: behind.length, rows: behind.slice(0, MAX_DRILL_DOWN_ROWS).map(rowOf) };
}
