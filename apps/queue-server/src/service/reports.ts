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
  emptyPostIntervals,
  inScope,
  monthDays,
  previousMonth,
  rankWindows,
  RATING_ENTRY_TYPES,
  ratingFacts,
  summarize,
  TICKET_ENTRY_TYPES,
  WINDOW_ENTRY_TYPES,
  type AttendanceRow,
  type EmptyPostInterval,
  type Grouping,
  type RatingEntry,
  type ReportGroup,
  type ReportScope,
  type TicketEntry,
  type WindowEntry,
} from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { HallDay } from './hall-day';

/** A period's journal, read once: the entries each figure is made from, in journal order. */
interface PeriodEntries {
  tickets: TicketEntry[];
  ratings: RatingEntry[];
  windows: WindowEntry[];
  /** Tickets and windows together, in journal order (the empty-post replay needs both in one order). */
  queuesAndWindows: (TicketEntry | WindowEntry)[];
}

const TYPES = [...TICKET_ENTRY_TYPES, ...RATING_ENTRY_TYPES, ...WINDOW_ENTRY_TYPES];
/** Whether an entry is of these kinds (`ticket.…`, `window.…` …), narrowing it to their entries. */
const ofKinds =
  <K extends string>(...kinds: K[]) =>
  <E extends { type: string }>(e: E): e is Extract<E, { type: `${K}.${string}` }> =>
    kinds.some((kind) => e.type.startsWith(`${kind}.`));

/**
 * The hall's figures for a period, read back from the journal (every figure is defined once, in the domain's
 * `statistics`, from the entries the journal already keeps). Each report reads its period's journal once.
 */
export class Reports {
  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
  ) {}

  summary(query: ReportQuery, staff: StaffConfig): SummaryReport {
    const { from, to, by } = query;
    const scope = scopeOf(staff);
    return { from, to, by, scope, groups: this.groups(this.read(from, to), by, scope) };
  }

  attendance(query: PeriodQuery, staff: StaffConfig): AttendanceReport {
    const { from, to } = query;
    const scope = scopeOf(staff);
    return { from, to, scope, rows: this.attendanceRows(this.read(from, to), scope) };
  }

  /**
   * The empty posts of the types the caller answers for: the manager every type, a chief representative those their
   * department's windows serve.
   */
  emptyPosts(query: PeriodQuery, staff: StaffConfig): EmptyPostReport {
    const { from, to } = query;
    const scope = scopeOf(staff);
    const intervals = this.emptyPostIntervals(this.read(from, to), scope);
    const byDay = new Map<string, { day: string; count: number; minutes: number }>();
    for (const i of intervals) {
      const d = byDay.get(i.day) ?? { day: i.day, count: 0, minutes: 0 };
      byDay.set(i.day, { day: i.day, count: d.count + 1, minutes: Math.round((d.minutes + i.minutes) * 10) / 10 });
    }
    return { from, to, scope, intervals, byDay: [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)) };
  }

  /** The monthly bulletin (月度通报) of the hall, or of the chief representative's department. */
  bulletin(query: BulletinQuery, staff: StaffConfig): Bulletin {
    const { from, to } = monthDays(query.month);
    const before = monthDays(previousMonth(query.month));
    const scope = scopeOf(staff);
    const month = this.read(from, to);
    const windows = this.groups(month, 'window', scope);
    const rated = ratingFacts(month.ratings).filter((r) => inScope(r.place, scope, this.today.hall));
    const emptyPosts = this.emptyPostIntervals(month, scope);
    const away = new Map<string, number>();
    for (const row of this.attendanceRows(month, scope)) {
      if (row.pausedMinutes.away > 0) away.set(row.clerk, (away.get(row.clerk) ?? 0) + row.pausedMinutes.away);
    }
    return {
      month: query.month,
      from,
      to,
      scope,
      totals: {
        current: this.groups(month, 'hall', scope)[0] ?? null,
        previous: this.groups(this.read(before.from, before.to), 'hall', scope)[0] ?? null,
      },
      departments: this.groups(month, 'department', scope),
      windows,
      ranking: rankWindows(windows),
      badRatings: badRatings(rated),
      emptyPosts: {
        count: emptyPosts.length,
        minutes: Math.round(emptyPosts.reduce((n, i) => n + i.minutes, 0) * 10) / 10,
      },
      away: [...away].map(([clerk, minutes]) => ({ clerk, minutes })).sort((a, b) => b.minutes - a.minutes),
    };
  }

  private read(from: string, to: string): PeriodEntries {
    const all = this.store.journal.entriesOfDays(from, to, TYPES);
    return {
      tickets: all.filter(ofKinds('ticket')),
      windows: all.filter(ofKinds('window')),
      ratings: all.filter(ofKinds('rating', 'followup')),
      queuesAndWindows: all.filter(ofKinds('ticket', 'window')),
    };
  }

  private groups(entries: PeriodEntries, by: Grouping, scope: ReportScope): ReportGroup[] {
    return summarize(entries, by, scope, this.today.hall, this.today.now());
  }

  private attendanceRows(entries: PeriodEntries, scope: ReportScope): AttendanceRow[] {
    const hall = this.today.hall;
    const departmentOf = (clerk: string) => hall.staff.find((s) => s.id === clerk)?.department ?? null;
    return attendance(entries, hall, this.today.now()).filter((r) =>
      scope.kind === 'hall'
        ? true
        : scope.kind === 'department'
          ? departmentOf(r.clerk) === scope.department
          : r.clerk === scope.clerk,
    );
  }

  private emptyPostIntervals(entries: PeriodEntries, scope: ReportScope): EmptyPostInterval[] {
    const hall = this.today.hall;
    const theirs =
      scope.kind === 'department'
        ? new Set(hall.windows.filter((w) => w.department === scope.department).flatMap((w) => w.serves))
        : null;
    return emptyPostIntervals(entries.queuesAndWindows, hall, this.today.now()).filter(
      (i) => theirs === null || theirs.has(i.windowType),
    );
  }
}

/** Whose figures a member of staff sees: the manager the hall's, a chief representative their department's, the others their own. */
function scopeOf(staff: StaffConfig): ReportScope {
  if (staff.role === 'manager') return { kind: 'hall' };
  if (staff.role === 'chief_representative') return { kind: 'department', department: staff.department };
  return { kind: 'clerk', clerk: staff.id };
}
