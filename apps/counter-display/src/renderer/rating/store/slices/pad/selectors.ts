import type { PublicHall } from '@hallq/shared/contracts';
import type { RatingLevel } from '@hallq/shared/domain';
import { RatingLevel as RatingLevels, isBadRating } from '@hallq/shared/domain';
import type { PadState } from '../../types';

/** Best first, as the hall's 好差评 lists them. */
export const LEVELS: readonly RatingLevel[] = RatingLevels.options;

export function secondsLeft(state: PadState): number {
  return Math.max(0, Math.ceil((state.pad.deadline - state.pad.clock) / 1000));
}

/** The reasons step shows once a bad level is chosen. */
export const asksReason = (state: PadState): boolean => state.pad.level !== null && isBadRating(state.pad.level);

export function canSubmit(state: PadState): boolean {
  const { screen, level, reason, sending } = state.pad;
  return screen === 'ask' && !sending && level !== null && (!isBadRating(level) || reason !== null);
}

/** The clerk as the pad shows them: the staff number, and the name only where the hall publishes names. */
export function clerkLabel(hall: PublicHall | null, clerk: string | null): { id: string; name: string | null } | null {
  if (clerk === null) return null;
  return { id: clerk, name: hall?.clerkNames?.[clerk] ?? null };
}
