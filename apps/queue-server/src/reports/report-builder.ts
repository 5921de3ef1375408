import type {
  AttendanceReport,
  Bulletin,
  BulletinQuery,
  DrillDownQuery,
  DrillDownReport,
  EmptyPostReport,
  HallConfig,
  PeriodQuery,
  ReportQuery,
  SummaryReport,
} from '@hallq/shared/contracts';
import { MAX_REPORT_DAYS } from '@hallq/shared/contracts';
import {
  addDays,
  badRatings,
  hallDay,
  monthDays,
  previousMonth,
  rankWindows,
  selectFacts,
  stintsBehind,
  summarize,
  type AttendanceRow,
  type EmptyPostInterval,
  type Grouping,
  type PeriodFacts,
  type ReportFilter,
  type ReportGroup,
  type ReportScope,
} from '@hallq/shared/domain';
import { JournalDays, type DayShifts } from './journal-days';
import type { JournalReader } from './journal-reader';

/** What every report is made for: the hall as configured now, the hall's clock, and whose work it counts. */
export interface ReportContext {
  hall: HallConfig;
  now: Date;
  scope: ReportScope;
}

/**
 * Every report, read back from the journal (every figure is defined once, in the domain's `statistics`). It runs in
 * the report worker, on its own read-only connection, each report on one snapshot of the journal; the days it reads
 * are kept between reports (`JournalDays`).
 */
export class ReportBuilder {
  private readonly days: JournalDays;

  constructor(private readonly journal: JournalReader) {
    this.days = new JournalDays(journal);
  }

  summary(query: ReportQuery, ctx: ReportContext): SummaryReport {
    const { from, to, by, ...filter } = query;
    const facts = this.read(() => this.facts(from, to, ctx, filter));
    return { from, to, by, scope: ctx.scope, filter, groups: groups(facts, by, ctx) };
  }

  drillDown(query: DrillDownQuery, ctx: ReportContext): DrillDownReport {
    const { from, to, by, key, figure, ...filter } = query;
    const facts = this.read(() => this.facts(from, to, ctx, filter));
    return { from, to, by, key, figure, scope: ctx.scope, filter, ...stintsBehind(facts, by, key, figure, ctx.hall) };
  }

  attendance(query: PeriodQuery, ctx: ReportContext): AttendanceReport {
    const { from, to } = query;
    const rows = this.read(() => attendanceRows(this.shifts(from, to, ctx), ctx));
    return { from, to, scope: ctx.scope, rows };
  }

  /**
   * The empty posts of the types the caller answers for: the manager every type, a chief representative those their
   * department's windows serve.
   */
  emptyPosts(query: PeriodQuery, ctx: ReportContext): EmptyPostReport {
    const { from, to } = query;
    const intervals = this.read(() => emptyPosts(this.shifts(from, to, ctx), ctx));
    const byDay = new Map<string, { day: string; count: number; minutes: number }>();
    for (const i of intervals) {
      const d = byDay.get(i.day) ?? { day: i.day, count: 0, minutes: 0 };
      byDay.set(i.day, { day: i.day, count: d.count + 1, minutes: Math.round((d.minutes + i.minutes) * 10) / 10 });
    }
    const days = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
    return { from, to, scope: ctx.scope, intervals, byDay: days };
  }

  /** The monthly bulletin (月度通报) of the hall, or of the chief representative's department. */
  bulletin(query: BulletinQuery, ctx: ReportContext): Bulletin {
    const { from, to } = monthDays(query.month);
    const before = monthDays(previousMonth(query.month));
    return this.read(() => {
      const facts = this.facts(from, to, ctx, {});
      const previous = this.facts(before.from, before.to, ctx, {});
      const shifts = this.shifts(from, to, ctx);
      const windows = groups(facts, 'window', ctx);
      const empty = emptyPosts(shifts, ctx);
      const away = new Map<string, number>();
      for (const row of attendanceRows(shifts, ctx)) {
        if (row.pausedMinutes.away > 0) away.set(row.clerk, (away.get(row.clerk) ?? 0) + row.pausedMinutes.away);
      }
      return {
        month: query.month,
        from,
        to,
        scope: ctx.scope,
        totals: { current: groups(facts, 'hall', ctx)[0] ?? null, previous: groups(previous, 'hall', ctx)[0] ?? null },
        departments: groups(facts, 'department', ctx),
        windows,
        ranking: rankWindows(windows),
        badRatings: badRatings(facts.ratings),
        emptyPosts: { count: empty.length, minutes: Math.round(empty.reduce((n, i) => n + i.minutes, 0) * 10) / 10 },
        away: [...away].map(([clerk, minutes]) => ({ clerk, minutes })).sort((a, b) => b.minutes - a.minutes),
      };
    });
  }

  /**
   * Works out one more of the year's days before `now` not kept yet, so that the year's report a director asks for
   * next finds them ready; false once all are.
   */
  prepareYear(ctx: Pick<ReportContext, 'hall' | 'now'>): boolean {
    const today = hallDay(ctx.now, ctx.hall.timeZone);
    const days = hallDays(addDays(today, -MAX_REPORT_DAYS), addDays(today, -1)).reverse();
    return this.read(() => days.some((day) => this.days.prepare(day)));
  }

  /** Runs `read` on one snapshot of the journal, after forgetting the days written to since the last report. */
  private read<T>(read: () => T): T {
    return this.journal.snapshot(() => {
      this.days.refresh();
      return read();
    });
  }

  /** The period's stints and ratings in the scope and the filter. */
  private facts(from: string, to: string, ctx: ReportContext, filter: ReportFilter): PeriodFacts {
    return selectFacts(this.days.facts(hallDays(from, to)), ctx.scope, filter, ctx.hall);
  }

  private shifts(from: string, to: string, ctx: ReportContext): DayShifts {
    return this.days.shiftsOf(hallDays(from, to), ctx.hall, ctx.now);
  }
}

/** The hall days from `from` to `to`, both included (calendar days: a report covers at most 366). */
function hallDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

function groups(facts: PeriodFacts, by: Grouping, ctx: ReportContext): ReportGroup[] {
  return summarize(facts, by, ctx.hall, ctx.now);
}

function attendanceRows(shifts: DayShifts, ctx: ReportContext): AttendanceRow[] {
  const { hall, scope } = ctx;
  const departmentOf = (clerk: string) => hall.staff.find((s) => s.id === clerk)?.department ?? null;
  return shifts.attendance.filter((r) =>
    scope.kind === 'hall'
      ? true
      : scope.kind === 'department'
        ? departmentOf(r.clerk) === scope.department
        : r.clerk === scope.clerk,
  );
}

function emptyPosts(shifts: DayShifts, ctx: ReportContext): EmptyPostInterval[] {
  const { hall, scope } = ctx;
  const theirs =
    scope.kind === 'department'
      ? new Set(hall.windows.filter((w) => w.department === scope.department).flatMap((w) => w.serves))
      : null;
  return shifts.emptyPosts.filter((i) => theirs === null || theirs.has(i.windowType));
}
