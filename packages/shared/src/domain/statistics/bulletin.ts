import { z } from 'zod';
import { addDays } from '../hall-time';
import { isBadRating, RatingLevel } from '../rating';
import type { RatingFact } from './rating-figures';
import type { ReportGroup } from './summary';

/** The first and last hall day of a month (`YYYY-MM`). */
export function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${year + 1}-01-01` : `${year}-${String(m + 1).padStart(2, '0')}-01`;
  return { from: `${month}-01`, to: addDays(next, -1) };
}

/** The month before `YYYY-MM`. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}

/** A window's place in the bulletin's ranking. */
export const WindowRank = z
  .object({
    rank: z.number().int().positive(),
    window: z.string(),
    served: z.number().int(),
    goodShare: z.number().nullable(),
    meanWaitMinutes: z.number().nullable(),
  })
  .strict();
export type WindowRank = z.infer<typeof WindowRank>;

/**
 * The windows ranked for the bulletin (窗口排名): by 好评率, then by services (more first), then by mean wait (shorter
 * first); a window without ratings ranks after those with. Windows with equal figures share a rank.
 */
export function rankWindows(byWindow: readonly ReportGroup[]): WindowRank[] {
  const rows = byWindow.map((g) => ({
    window: g.key,
    served: g.tickets.served,
    goodShare: g.ratings.goodShare,
    meanWaitMinutes: g.tickets.waiting.mean,
  }));
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]) =>
    (b.goodShare ?? -1) - (a.goodShare ?? -1) ||
    b.served - a.served ||
    (a.meanWaitMinutes ?? Infinity) - (b.meanWaitMinutes ?? Infinity);
  const sorted = rows.sort(compare);
  return sorted.map((row, i) => {
    let rank = i + 1;
    while (rank > 1 && compare(sorted[rank - 2]!, row) === 0) rank -= 1;
    return { rank, ...row };
  });
}

/** A bad rating (差评) of the month with where it was given and how its follow-up stands. */
export const BadRating = z
  .object({
    day: z.string(),
    window: z.number().int().nullable(),
    clerk: z.string().nullable(),
    windowType: z.string(),
    items: z.array(z.string()),
    level: RatingLevel,
    followUp: z.enum(['none', 'open', 'closed_on_time', 'closed_late']),
  })
  .strict();
export type BadRating = z.infer<typeof BadRating>;

/** The month's bad ratings, in the order they were given, each with its follow-up's state. */
export function badRatings(facts: readonly RatingFact[]): BadRating[] {
  return facts.flatMap(({ place, result, followUp }) => {
    if (result === 'not_rated' || !isBadRating(result)) return [];
    const state = !followUp
      ? 'none'
      : !followUp.closed
        ? 'open'
        : followUp.closed.overdue
          ? 'closed_late'
          : 'closed_on_time';
    const { day, window, clerk, windowType, items } = place;
    return [{ day, window, clerk, windowType, items: [...items], level: result, followUp: state }];
  });
}
