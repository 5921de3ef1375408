import { z } from 'zod';

const minutes = z.number().min(0).nullable();
/** A set of durations in minutes, summed up: how many, the mean, the median, the 90th percentile and the longest. */
export const Durations = z
  .object({ count: z.number().int().min(0), mean: minutes, p50: minutes, p90: minutes, max: minutes })
  .strict();
export type Durations = z.infer<typeof Durations>;

/** Minutes from one instant to another (ISO 8601), never negative (a clock set back reads as no time). */
export function minutesFrom(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);
}

/** One decimal: a figure in minutes is read as "12.5 分钟", not to the second. */
const round = (minutes: number) => Math.round(minutes * 10) / 10;

/**
 * Nearest-rank percentile: the smallest value with at least `p` percent of the values at or below it, so every
 * figure is a duration that really happened (p50 of 1, 2, 3, 4 is 2).
 */
function percentile(sorted: ArrayLike<number>, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function durations(minutes: readonly number[]): Durations {
  if (minutes.length === 0) return { count: 0, mean: null, p50: null, p90: null, max: null };
  // A typed array sorts numbers as numbers, and a year's waits several times faster than an array with a comparator.
  const sorted = Float64Array.from(minutes).sort();
  let sum = 0;
  for (const m of sorted) sum += m;
  return {
    count: sorted.length,
    mean: round(sum / sorted.length),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    max: round(sorted[sorted.length - 1]!),
  };
}

/** The waiting-time distribution's buckets: 0–5, 5–10 … 55–60 minutes, and a last one for an hour or more. */
export const WAIT_BUCKET_MINUTES = 5;
export const WAIT_BUCKETS = 13;

/** How many durations fall in each bucket (`WAIT_BUCKETS` of `WAIT_BUCKET_MINUTES`, the last open-ended). */
export function buckets(minutes: readonly number[]): number[] {
  const counts = Array.from({ length: WAIT_BUCKETS }, () => 0);
  for (const m of minutes) counts[Math.min(WAIT_BUCKETS - 1, Math.floor(m / WAIT_BUCKET_MINUTES))]! += 1;
  return counts;
}
