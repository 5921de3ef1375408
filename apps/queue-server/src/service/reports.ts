import type {
  AttendanceReport,
  Bulletin,
  BulletinQuery,
  EmptyPostReport,
  PeriodQuery,
  ReportQuery,
  StaffConfig,
  SummaryReport,
} from '@hallq/shared/contracts';
import {
  attendance,
  badRatings,
  inScope,
  monthDays,
  previousMonth,
  rankWindows,
  ratingFacts,
  emptyPostIntervals,
  RATING_ENTRY_TYPES,
  summarize,
  TICKET_ENTRY_TYPES,
  WINDOW_ENTRY_TYPES,
  type ReportScope,
} from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { HallDay } from './hall-day';

/**
 * The hall's figures for a period, read back from the journal (every figure is defined once, in the domain's
 * `statistics`, from the entries the journal already keeps).
 */
export class Reports {
  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
  ) {}

  summary(query: ReportQuery, staff: StaffConfig): SummaryReport {
    const { from, to, by } = query;
    const scope = scopeOf(staff);
    const tickets = this.store.journal.entriesOfDays(from, to, TICKET_ENTRY_TYPES);
    const ratings = this.store.journal.entriesOfDays(from, to, RATING_ENTRY_TYPES);
    const groups = summarize({ tickets, ratings }, by, scope, this.today.hall, this.today.now());
    return { from, to, by, scope, groups };
  }

  attendance(query: PeriodQuery, staff: StaffConfig): AttendanceReport {
    const { from, to } = query;
    const scope = scopeOf(staff);
    const hall = this.today.hall;
    const windows = this.store.journal.entriesOfDays(from, to, WINDOW_ENTRY_TYPES);
    const tickets = this.store.journal.entriesOfDays(from, to, TICKET_ENTRY_TYPES);
    const departmentOf = (clerk: string) => hall.staff.find((s) => s.id === clerk)?.department ?? null;
    const rows = attendance({ windows, tickets }, hall, this.today.now()).filter((r) =>
      scope.kind === 'hall'
        ? true
        : scope.kind === 'department'
          ? departmentOf(r.clerk) === scope.department
          : r.clerk === scope.clerk,
    );
    return { from, to, scope, rows };
  }

  /** The monthly bulletin (月度通报) of the hall, or of the chief representative's department. */
  bulletin(query: BulletinQuery, staff: StaffConfig): Bulletin {
    const { from, to } = monthDays(query.month);
    const before = monthDays(previousMonth(query.month));
    const scope = scopeOf(staff);
    const summary = (q: ReportQuery) => this.summary(q, staff).groups;
    const hall = this.today.hall;
    const windows = summary({ from, to, by: 'window' });
    const ratings = ratingFacts(this.store.journal.entriesOfDays(from, to, RATING_ENTRY_TYPES));
    const period = { from, to };
    const emptyPosts = this.emptyPosts(period, staff).byDay;
    const away = new Map<string, number>();
    for (const row of this.attendance(period, staff).rows) {
      if (row.pausedMinutes.away > 0) away.set(row.clerk, (away.get(row.clerk) ?? 0) + row.pausedMinutes.away);
    }
    return {
      month: query.month,
      from,
      to,
      scope,
      totals: {
        current: summary({ from, to, by: 'hall' })[0] ?? null,
        previous: summary({ ...before, by: 'hall' })[0] ?? null,
      },
      departments: summary({ from, to, by: 'department' }),
      windows,
      ranking: rankWindows(windows),
      badRatings: badRatings(ratings.filter((r) => inScope(r.place, scope, hall))),
      emptyPosts: {
        count: emptyPosts.reduce((n, d) => n + d.count, 0),
        minutes: Math.round(emptyPosts.reduce((n, d) => n + d.minutes, 0) * 10) / 10,
      },
      away: [...away].map(([clerk, minutes]) => ({ clerk, minutes })).sort((a, b) => b.minutes - a.minutes),
    };
  }

  /**
   * The empty posts of the types the caller answers for: the manager every type, a chief representative those their
   * department's windows serve.
   */
  emptyPosts(query: PeriodQuery, staff: StaffConfig): EmptyPostReport {
    const { from, to } = query;
    const scope = scopeOf(staff);
    const hall = this.today.hall;
    const entries = this.store.journal.entriesOfDays(from, to, [...TICKET_ENTRY_TYPES, ...WINDOW_ENTRY_TYPES]);
    const theirs =
      scope.kind === 'department'
        ? new Set(hall.windows.filter((w) => w.department === scope.department).flatMap((w) => w.serves))
        : null;
    const intervals = emptyPostIntervals(entries, hall, this.today.now()).filter(
      (i) => theirs === null || theirs.has(i.windowType),
    );
    const byDay = new Map<string, { day: string; count: number; minutes: number }>();
    for (const i of intervals) {
      const d = byDay.get(i.day) ?? { day: i.day, count: 0, minutes: 0 };
      byDay.set(i.day, { day: i.day, count: d.count + 1, minutes: Math.round((d.minutes + i.minutes) * 10) / 10 });
    }
    return { from, to, scope, intervals, byDay: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)) };
  }
}

/** Whose figures a member of staff sees: the manager the hall's, a chief representative their department's, the others their own. */
function scopeOf(staff: StaffConfig): ReportScope {
  if (staff.role === 'manager') return { kind: 'hall' };
  if (staff.role === 'chief_representative') return { kind: 'department', department: staff.department };
  return { kind: 'clerk', clerk: staff.id };
}
