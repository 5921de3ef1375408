import { z } from 'zod';
import type { RatingLevel, RatingResult } from './rating';
import type { Outcome, Ticket } from './ticket';

// 好差评 as the provincial system takes it (modelled on the national 政务服务"好差评" data interface): a score of 1 to 5
// with its words, the stage of the matter when it was rated, the case, and the channel. The words here are the
// interface's vocabulary, sent as data, not screen text: they stay Chinese in every hall language.

/** The interface's scale: 5 非常满意 down to 1 非常不满意. */
export const RATING_SCORES: Readonly<Record<RatingLevel, 1 | 2 | 3 | 4 | 5>> = {
  very_satisfied: 5,
  satisfied: 4,
  basically_satisfied: 3,
  dissatisfied: 2,
  very_dissatisfied: 1,
};

export const RATING_LEVEL_NAMES: Readonly<Record<RatingLevel, string>> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
};

/** The words of the built-in reason `other` (the hall's own reasons carry their names in the hall file). */
export const OTHER_REASON_NAME = '其他';

/**
 * When the matter stood as it was rated: `after_done` (办结后) once the window decided it on the spot (办结), otherwise
 * `in_process` (办事过程中) — accepted and decided later (受理), told what is missing (一次性告知), or not accepted.
 */
export const RatingStage = z.enum(['in_process', 'after_done']);
export type RatingStage = z.infer<typeof RatingStage>;

export const RATING_STAGE_NAMES: Readonly<Record<RatingStage, string>> = {
  in_process: '办事过程中',
  after_done: '办结后',
};

/**
 * The pad asks as the window finishes the visit, so the stage is that of the matter then: done (办结) only when the
 * window decided it on the spot; an accepted application (受理) is still under way, and one told what is missing or not
 * accepted has not become a case at all — both are rated on the service so far (办事过程中).
 */
export function ratingStage(outcome: Pick<Outcome, 'kind'> | null): RatingStage {
  return outcome?.kind === 'completed' ? 'after_done' : 'in_process';
}

/** The case number (办件编号) an accepted application was given; none for the others. */
export function caseNumberOf(outcome: Outcome | null): string | null {
  return outcome?.kind === 'accepted' ? (outcome.caseNumber ?? null) : null;
}

/**
 * The level to report, or null for a request nobody answered (not_rated): the provincial system takes evaluations a
 * citizen made; reporting an unanswered request with any level would put a rating in their mouth (DOMAIN.md: never
 * default a missing rating), and the hall's own figures already count the unanswered ones.
 */
export function reportedLevel(result: RatingResult): RatingLevel | null {
  return result === 'not_rated' ? null : result;
}

/**
 * The service items a rating is of: those its finish recorded as served, or where it recorded none the item chosen at
 * the kiosk (none when only a window type was chosen) — as the statistics count it.
 */
export function ratedItems(ticket: Pick<Ticket, 'serviceItem' | 'servedItems'>): string[] {
  if (ticket.servedItems.length > 0) return [...ticket.servedItems];
  return ticket.serviceItem === null ? [] : [ticket.serviceItem];
}

/**
 * How long the uploader waits after its `attempts`-th failure in a row before trying again: `retrySeconds`, doubling
 * after each further failure, never above `maxRetrySeconds`. In milliseconds.
 */
export function uploadRetryDelay(attempts: number, policy: { retrySeconds: number; maxRetrySeconds: number }): number {
  const doublings = Math.max(0, attempts - 1);
  // 2 ** 40 seconds is far above any cap: past it the power only risks Infinity.
  return Math.min(policy.retrySeconds * 2 ** Math.min(doublings, 40), policy.maxRetrySeconds) * 1000;
}
