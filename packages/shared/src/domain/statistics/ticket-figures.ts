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
 * The stints each counted figure counts (a drill-down lists them): `issued` a visit's first stint; `served` a stint
 * ended at a window, and by its outcome; `noShows` and `walkouts` how a visit ended (a walkout: cancelled before any
 * call); `called` the stints whose wait is measured; `aboveServiceLevel` those that waited past their type's target.
 */
export const STINT_FIGURES = [
  'issued',
  'served',
  ...OUTCOME_KINDS,
  'noShows',
  'walkouts',
  'called',
  'aboveServiceLevel',
] as const;
export type StintFigure = (typeof STINT_FIGURES)[number];

/** A stint's durations in minutes, worked out once: a stint is not changed once its visit is told. */
function timesOf(stint: Stint): { wait: number | null; walk: number | null; service: number | null } {
  let times = stintTimes.get(stint);
  if (times === undefined) {
    const call = stint.firstCall;
    times = {
      wait: call ? minutesFrom(stint.queuedAt, call.at) : null,
      walk: call && stint.startedAt ? minutesFrom(call.at, stint.startedAt) : null,
      service: stint.startedAt && stint.end?.kind === 'served' ? minutesFrom(stint.startedAt, stint.endedAt!) : null,
    };
    stintTimes.set(stint, times);
  }
  return times;
}
const stintTimes = new WeakMap<Stint, { wait: number | null; walk: number | null; service: number | null }>();

/** A stint's wait in minutes (queued → first call), null for one never called. */
export const waitOf = (stint: Stint): number | null => timesOf(stint).wait;

/** A served stint's service time in minutes (start → end), null for one not started or not served. */
export const serviceOf = (stint: Stint): number | null => timesOf(stint).service;

/** Whether a stint counts in a figure. `targetWait` is a window type's target wait in minutes, null where it has none. */
export function countsIn(
  { stint, first, last }: StintFact,
  figure: StintFigure,
  targetWait: (windowType: string) => number | null,
): boolean {
  const end = stint.end;
  switch (figure) {
    case 'issued':
      return first;
    case 'served':
      return end?.kind === 'served';
    case 'noShows':
      return last && end?.kind === 'noShow';
    case 'walkouts':
      return last && end?.kind === 'cancelled' && stint.firstCall === null;
    case 'called':
      return stint.firstCall !== null;
    case 'aboveServiceLevel': {
      const wait = waitOf(stint);
      const target = targetWait(stint.windowType);
      return wait !== null && target !== null && wait > target;
    }
    default:
      return end?.kind === 'served' && end.outcome === figure;
  }
}

/** The ticket figures of these stints (definitions: docs/statistics.md). */
export function ticketFigures(
  facts: readonly StintFact[],
  targetWait: (windowType: string) => number | null,
): TicketFigures {
  const counts = Object.fromEntries(STINT_FIGURES.map((f) => [f, 0])) as Record<StintFigure, number>;
  const waits: number[] = [];
  const walks: number[] = [];
  const services: number[] = [];
  for (const fact of facts) {
    for (const figure of STINT_FIGURES) if (countsIn(fact, figure, targetWait)) counts[figure] += 1;
    const { wait, walk, service } = timesOf(fact.stint);
    if (wait !== null) waits.push(wait);
    if (walk !== null) walks.push(walk);
    if (service !== null) services.push(service);
  }
  const counted = (figure: StintFigure) => counts[figure];
  const byOutcome = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, counted(k)])) as Record<OutcomeKind, number>;
  return {
    issued: counted('issued'),
    served: counted('served'),
    byOutcome,
    noShows: counted('noShows'),
    walkouts: counted('walkouts'),
    transferred: byOutcome.transferred,
    waiting: { ...durations(waits), buckets: buckets(waits), aboveServiceLevel: counted('aboveServiceLevel') },
    walking: durations(walks),
    service: durations(services),
  };
}
