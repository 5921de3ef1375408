import type { FollowUp } from '@hallq/shared/contracts';
import type { RatingLevel } from '@hallq/shared/domain';

/** Closed by its deadline (a hall day), or after it. */
export type Timeliness = 'on_time' | 'late';

/** What the 整改台账 is narrowed to; null is 全部. The department is the console's scope, not a filter of its own. */
export interface ArchiveFilter {
  /** Hall days (YYYY-MM-DD) of closing, both included. */
  closedFrom: string | null;
  closedTo: string | null;
  window: number | null;
  assignee: string | null;
  level: RatingLevel | null;
  timeliness: Timeliness | null;
}

export interface ArchiveState {
  /** Closed follow-ups the session answers for, as the server gave them and as the feed closed more since. */
  archive: FollowUp[];
  /** 'idle' until the archive is first opened: it may hold a year of follow-ups, fetched only when wanted. */
  archiveStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  archiveFilter: ArchiveFilter;
}

export const noArchiveFilter: ArchiveFilter = {
  closedFrom: null,
  closedTo: null,
  window: null,
  assignee: null,
  level: null,
  timeliness: null,
};

export const initialArchiveState: ArchiveState = { archive: [], archiveStatus: 'idle', archiveFilter: noArchiveFilter };
