import type { FollowUp, PublicHall } from '@hallq/shared/contracts';
import { hallDay, pastDeadline } from '@hallq/shared/domain';
import { type ConsoleScope, followUpDepartment, inScope } from '../scope/selectors';
import type { ArchiveFilter, Timeliness } from './state';

export interface ArchiveRow {
  followUp: FollowUp;
  department: string | null;
  /** The hall day it was closed on, in the hall's time zone (not the console PC's). */
  closedDay: string;
  timeliness: Timeliness;
}

/** One closed follow-up as the 整改台账 lists it: on time or late by the domain's rule (`pastDeadline`). */
export function archiveRow(hall: PublicHall, followUp: FollowUp): ArchiveRow | null {
  if (followUp.closedAt === null) return null;
  const closedAt = new Date(followUp.closedAt);
  return {
    followUp,
    department: followUpDepartment(hall, followUp),
    closedDay: hallDay(closedAt, hall.timeZone),
    timeliness: pastDeadline(followUp, closedAt, hall.timeZone) ? 'late' : 'on_time',
  };
}

function matches({ followUp, closedDay, timeliness }: ArchiveRow, filter: ArchiveFilter): boolean {
  return (
    (filter.closedFrom === null || closedDay >= filter.closedFrom) &&
    (filter.closedTo === null || closedDay <= filter.closedTo) &&
    (filter.window === null || followUp.rating.window === filter.window) &&
    (filter.assignee === null || followUp.assignee === filter.assignee) &&
    (filter.level === null || followUp.rating.result === filter.level) &&
    (filter.timeliness === null || timeliness === filter.timeliness)
  );
}

/** The archive in the console's scope, narrowed by the filter: the latest closed first. */
export function archiveRows(
  archive: readonly FollowUp[],
  filter: ArchiveFilter,
  hall: PublicHall | null,
  scope: ConsoleScope,
): ArchiveRow[] {
  if (!hall) return [];
  return archive
    .map((f) => archiveRow(hall, f))
    .filter((row): row is ArchiveRow => row !== null && inScope(scope, row.department) && matches(row, filter))
    .sort((a, b) => b.followUp.closedAt!.localeCompare(a.followUp.closedAt!));
}

export function archiveSummary(rows: readonly ArchiveRow[]): { count: number; onTime: number; late: number } {
  const late = rows.filter((r) => r.timeliness === 'late').length;
  return { count: rows.length, onTime: rows.length - late, late };
}

/** The windows the filter offers: the scope's, by number. */
export function archiveWindows(hall: PublicHall | null, scope: ConsoleScope): number[] {
  return (hall?.windows ?? [])
    .filter((w) => inScope(scope, w.department))
    .map((w) => w.number)
    .sort((a, b) => a - b);
}

/** The assignees the filter offers: whoever handled a closed follow-up of the scope. */
export function archiveAssignees(archive: readonly FollowUp[], hall: PublicHall | null, scope: ConsoleScope): string[] {
  const ids = archive
    .filter((f) => f.assignee !== null && inScope(scope, followUpDepartment(hall, f)))
    .map((f) => f.assignee!);
  return [...new Set(ids)].sort();
}
