import type { FollowUp } from '@hallq/shared/contracts';

/** Most urgent first: the earliest deadline, then the oldest rating. */
export function sortedFollowUps(followUps: readonly FollowUp[]): FollowUp[] {
  return [...followUps].sort(
    (a, b) => a.deadline.localeCompare(b.deadline) || a.rating.recordedAt.localeCompare(b.rating.recordedAt),
  );
}

export type DeadlineStatus = 'overdue' | 'today' | 'later';

/** Hall days compare as strings (YYYY-MM-DD). */
export function deadlineStatus(deadline: string, hallDay: string): DeadlineStatus {
  return deadline < hallDay ? 'overdue' : deadline === hallDay ? 'today' : 'later';
}
