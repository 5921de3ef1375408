import { z } from 'zod';
import type { Outcome } from '../ticket';
import { buckets, durations, Durations, minutesFrom } from './durations';
import type { Stint, Visit } from './visits';

export type OutcomeKind = Outcome['kind'];
export const OUTCOME_KINDS = [
  'completed',
  'accepted',
  'incomplete',
  'rejected',
  'transferred',
] as const satisfies readonly OutcomeKind[];

/** A stint with the visit it belongs to: the unit every ticket figure counts. */
export interface StintFact {
  visit: Visit;
  stint: Stint;
  /** The visit's first stint: where the ticket was issued. */
  first: boolean;
  /** The visit's last stint: how the visit ended. */
  last: boolean;
}

/** Each stint of each visit, with whether it is the first and the last of its visit. */
export function stintFacts(visits: readonly Visit[]): StintFact[] {
  return visits.flatMap((visit) =>
    visit.stints.map((stint, i) => ({ visit, stint, first: i === 0, last: i === visit.stints.length - 1 })),
  );
}

const count = z.number().int().min(0);

/** The ticket figures of a group (definitions: docs/statistics.md). */
export const TicketFigures = z
  .object({
    issued: count,
    served: count,
    byOutcome: z.record(z.enum(OUTCOME_KINDS), count),
    noShows: count,
    walkouts: count,
    transferred: count,
    waiting: Durations.extend({
      /** Called stints by wait: 0–5, 5–10 … 55–60 minutes, 60 and more. */
      buckets: z.array(count),
      /** Called stints whose wait exceeded their window type's target. */
      aboveServiceLevel: count,
    }).strict(),
    walking: Durations,
    service: Durations,
  })
  .strict();
export type TicketFigures = z.infer<typeof TicketFigures>;

/**
 * The ticket figures of these stints. `targetWait` is a window type's target wait in minutes (its
 * targetWaitMinutes), null where it has none.
 */
export function ticketFigures(facts: readonly StintFact[], targetWait: (windowType: string) => number | null) {
  const byOutcome = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  const waits: number[] = [];
  const walks: number[] = [];
  const services: number[] = [];
  let issued = 0;
  let served = 0;
  let noShows = 0;
  let walkouts = 0;
  let aboveServiceLevel = 0;
  for (const { stint, first, last } of facts) {
    if (first) issued += 1;
    const end = stint.end;
    if (end?.kind === 'served') {
      served += 1;
      byOutcome[end.outcome] += 1;
    }
    if (last && end?.kind === 'noShow') noShows += 1;
    if (last && end?.kind === 'cancelled' && stint.firstCall === null) walkouts += 1;
    if (stint.firstCall) {
      const wait = minutesFrom(stint.queuedAt, stint.firstCall.at);
      waits.push(wait);
      const target = targetWait(stint.windowType);
      if (target !== null && wait > target) aboveServiceLevel += 1;
      if (stint.startedAt) walks.push(minutesFrom(stint.firstCall.at, stint.startedAt));
    }
    if (stint.startedAt && end?.kind === 'served') services.push(minutesFrom(stint.startedAt, stint.endedAt!));
  }
  return {
    issued,
    served,
    byOutcome,
    noShows,
    walkouts,
    transferred: byOutcome.transferred,
    waiting: { ...durations(waits), buckets: buckets(waits), aboveServiceLevel },
    walking: durations(walks),
    service: durations(services),
  } satisfies TicketFigures;
}
