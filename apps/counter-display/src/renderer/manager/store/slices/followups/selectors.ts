import type { FollowUp, PublicHall } from '@hallq/shared/contracts';
import type { RatingReason } from '@hallq/shared/domain';
import { type ConsoleScope, followUpDepartment, inScope } from '../scope/selectors';

/** Most urgent first: the earliest deadline, then the oldest rating. */
export function sortedFollowUps(followUps: readonly FollowUp[]): FollowUp[] {
  return [...followUps].sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.rating.recordedAt.localeCompare(b.rating.recordedAt),
  );
}

/**
 * The open follow-ups of the console's scope, most urgent first. The stream also brings a chief representative the
 * follow-ups handed to them personally from another department (`seesFollowUp`): theirs to know of, not to act on.
 */
export function scopedFollowUps(
  followUps: readonly FollowUp[],
  hall: PublicHall | null,
  scope: ConsoleScope,
): FollowUp[] {
  return sortedFollowUps(followUps.filter((f) => inScope(scope, followUpDepartment(hall, f))));
}

export type DeadlineStatus = 'overdue' | 'today' | 'later';

/** Hall days compare as strings (YYYY-MM-DD). */
export function deadlineStatus(deadline: string, hallDay: string): DeadlineStatus {
  return deadline < hallDay ? 'overdue' : deadline === hallDay ? 'today' : 'later';
}

/** A bad rating's reason as the hall names it, with the citizen's words; `other` is worded by the caller. */
export function reasonText(reason: RatingReason | null, hall: PublicHall | null, other: string): string | null {
  if (!reason) return null;
  const name =
    reason.code === 'other' ? other : (hall?.ratingReasons.find((r) => r.code === reason.code)?.name.zh ?? reason.code);
  return [name, reason.text].filter(Boolean).join('：');
}
