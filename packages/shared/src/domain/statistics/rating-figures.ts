import { z } from 'zod';
import { RatingLevel, isBadRating, type RatingResult } from '../rating';
import { pastDeadline } from '../rating-lifecycle';
import type { Place } from './grouping';
import type { JournalEntryBase } from './visits';

/** What the statistics read of the journal's ratings and follow-ups. */
export type RatingEntry = Pick<JournalEntryBase, 'at' | 'hallDay' | 'window' | 'ticketId'> &
  (
    | {
        type: 'rating.recorded';
        data: {
          id: string;
          clerk: string | null;
          windowType: string;
          serviceItem: string | null;
          result: RatingResult;
        };
      }
    | { type: 'followup.opened'; data: { id: string; rating: string; deadline: string } }
    | { type: 'followup.noted'; data: { id: string; calledBack: boolean } }
    | { type: 'followup.closed'; data: { id: string; overdue: boolean } }
  );

export const RATING_ENTRY_TYPES = [
  'rating.recorded',
  'followup.opened',
  'followup.noted',
  'followup.closed',
] as const satisfies readonly RatingEntry['type'][];

/** One service's rating request as it ended (a level, or not rated), with the follow-up of a bad one. */
export interface RatingFact {
  place: Place;
  result: RatingResult;
  followUp: { deadline: string; calledBack: boolean; closed: { overdue: boolean } | null } | null;
}

/** A rating request as it ended, before its follow-up is known: what the entries of its day tell of it. */
export interface RecordedRating {
  id: string;
  fact: RatingFact;
}

/** A bad rating's follow-up (回访整改) as its entries tell it. */
export type FollowUpFact = NonNullable<RatingFact['followUp']>;

/**
 * The ratings the entries tell: one for each request that ended (answered, or expired as not rated), with its
 * follow-up. A follow-up whose rating is not among the entries (rated before the period) is left out. A rating counts
 * under the items its service recorded (`servedItems`, by ticket id), or else the item chosen at the kiosk.
 */
export function ratingFacts(
  entries: readonly RatingEntry[],
  servedItems: (ticketId: string) => readonly string[] | undefined = () => undefined,
): RatingFact[] {
  return withFollowUps(recordedRatings(entries, servedItems), followUpsOf(entries));
}

/** The ratings recorded among the entries, without their follow-ups (a day's may be worked out once and kept). */
export function recordedRatings(
  entries: readonly RatingEntry[],
  servedItems: (ticketId: string) => readonly string[] | undefined = () => undefined,
): RecordedRating[] {
  const recorded: RecordedRating[] = [];
  for (const e of entries) {
    if (e.type !== 'rating.recorded') continue;
    const { id, clerk, windowType, serviceItem, result } = e.data;
    const served = e.ticketId ? servedItems(e.ticketId) : undefined;
    const items = served?.length ? served : serviceItem === null ? [] : [serviceItem];
    const place = { day: e.hallDay, at: e.at, windowType, window: e.window ?? null, clerk, items };
    recorded.push({ id, fact: { place, result, followUp: null } });
  }
  return recorded;
}

/** The follow-ups the entries tell, by the id of their rating, each as its last entry among them left it. */
export function followUpsOf(entries: readonly RatingEntry[]): Map<string, FollowUpFact> {
  const byRating = new Map<string, FollowUpFact>();
  const byId = new Map<string, FollowUpFact>();
  for (const e of entries) {
    switch (e.type) {
      case 'followup.opened': {
        const followUp = { deadline: e.data.deadline, calledBack: false, closed: null };
        byRating.set(e.data.rating, followUp);
        byId.set(e.data.id, followUp);
        break;
      }
      case 'followup.noted': {
        const followUp = byId.get(e.data.id);
        if (followUp && e.data.calledBack) followUp.calledBack = true;
        break;
      }
      case 'followup.closed': {
        const followUp = byId.get(e.data.id);
        if (followUp) followUp.closed = { overdue: e.data.overdue };
        break;
      }
      case 'rating.recorded':
        break;
    }
  }
  return byRating;
}

/** The recorded ratings with the follow-ups found for them (a follow-up of a rating not among them is left out). */
export function withFollowUps(recorded: readonly RecordedRating[], followUps: Map<string, FollowUpFact>): RatingFact[] {
  return recorded.map(({ id, fact }) => {
    const followUp = followUps.get(id);
    return followUp ? { ...fact, followUp } : fact;
  });
}

const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1).nullable();

/** The 好差评 figures of a group (definitions: docs/statistics.md). */
export const RatingFigures = z
  .object({
    /** Rating requests that ended: every finished service asks once (一次一评). */
    requests: count,
    byLevel: z.record(RatingLevel, count),
    notRated: count,
    /** 评议率: rated / requests; null without requests. */
    ratedShare: fraction,
    /** 好评率: (非常满意 + 满意 + 基本满意) / rated; null without ratings. */
    goodShare: fraction,
    /** 差评: 不满意 + 非常不满意. */
    bad: count,
    followUps: z
      .object({
        opened: count,
        closed: count,
        closedOnTime: count,
        /** Still open, their deadline passed (`pastDeadline`, the rule a close records). */
        overdueNow: count,
        /** Share of the opened ones whose applicant was called back (回访率); null without any. */
        calledBackShare: fraction,
      })
      .strict(),
  })
  .strict();
export type RatingFigures = z.infer<typeof RatingFigures>;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** The 好差评 figures of these ratings; open follow-ups are overdue or not at `now`. */
export function ratingFigures(facts: readonly RatingFact[], now: Date, timeZone: string): RatingFigures {
  const byLevel = Object.fromEntries(RatingLevel.options.map((l) => [l, 0])) as Record<RatingLevel, number>;
  let notRated = 0;
  const followUps = { opened: 0, closed: 0, closedOnTime: 0, overdueNow: 0, calledBack: 0 };
  for (const { result, followUp } of facts) {
    if (result === 'not_rated') notRated += 1;
    else byLevel[result] += 1;
    if (!followUp) continue;
    followUps.opened += 1;
    if (followUp.calledBack) followUps.calledBack += 1;
    if (followUp.closed) {
      followUps.closed += 1;
      if (!followUp.closed.overdue) followUps.closedOnTime += 1;
    } else if (pastDeadline(followUp, now, timeZone)) followUps.overdueNow += 1;
  }
  const rated = facts.length - notRated;
  const bad = RatingLevel.options.filter(isBadRating).reduce((n, l) => n + byLevel[l], 0);
  const { calledBack, ...counts } = followUps;
  return {
    requests: facts.length,
    byLevel,
    notRated,
    ratedShare: share(rated, facts.length),
    goodShare: share(rated - bad, rated),
    bad,
    followUps: { ...counts, calledBackShare: share(calledBack, followUps.opened) },
  };
}
