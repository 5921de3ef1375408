import { z } from 'zod';

/** 好差评: five levels, best first; the last two are bad ratings (差评) that need a reason and a follow-up. */
export const RatingLevel = z.enum([
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
]);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const BAD_RATING_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];
export const isBadRating = (level: RatingLevel): boolean => BAD_RATING_LEVELS.includes(level);

/** What a rating request ended as: a level, or `not_rated` when nobody answered in time (never "satisfied"). */
export const RatingResult = z.union([RatingLevel, z.literal('not_rated')]);
export type RatingResult = z.infer<typeof RatingResult>;
