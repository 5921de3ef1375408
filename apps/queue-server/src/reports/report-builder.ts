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
import {
  attendance,
  badRatings,
  emptyPostIntervals,
  monthDays,
  previousMonth,
  rankWindows,
  RATING_ENTRY_TYPES,
  selectFacts,
  stintFacts,
  stintsBehind,
  summarize,
  TICKET_ENTRY_TYPES,
  visitsOf,
  WINDOW_ENTRY_TYPES,
  withRatings,
  type AttendanceRow,
  type EmptyPostInterval,
  type Grouping,
  type PeriodFacts,
  type RatingEntry,
  type ReportFilter,
  type ReportGroup,
  type ReportScope,
  type StintFact,
  type TicketEntry,
  type WindowEntry,
} from '@hallq/shared/domain';
import type { JournalReader, RawEntry } from './journal-reader';

/** What every report is made for: the hall as configured now, the hall's clock, and whose work it counts. */
export interface ReportContext {
  hall: HallConfig;
  now: Date;
  scope: ReportScope;
}

/**
 * Entries read by their types (`TICKET_ENTRY_TYPES` …) are of those types: the journal's writer is typed by the same
 * union, and its rows are never changed.
 */
const typed = <E>(entries: RawEntry[]): E[] => entries as unknown as E[];

/** Days of stints kept between reports; beyond it the oldest go (a year's report and the month before fit). */
const MAX_CACHED_DAYS = 800;

/**
 * Every report, read back from the journal (every figure is defined once, in the domain's `statistics`). It runs in
 * the report worker, on its own read-only connection. Each day's visits are worked out once and kept: a journal day
 * changes only by new entries, and any entry written since a day was kept sends that day back to be read again.
 */
export class ReportBuilder {
  private readonly days = new Map<string, StintFact[]>();
  /** The last journal entry the kept days have seen. */
  private seenUpTo = 0;

  constructor(private readonly journal: JournalReader) {}

  summary(query: ReportQuery, ctx: ReportContext): SummaryReport {
    const { from, to, by, ...filter } = query;
    const facts = this.journal.snapshot(() => this.facts(from, to, ctx, filter));
    return { from, to, by, scope: ctx.scope, filter, groups: groups(facts, by, ctx) };
  }

  drillDown(query: DrillDownQuery, ctx: ReportContext): DrillDownReport {
    const { from, to, by, key, figure, ...filter } = query;
    const facts = this.journal.snapshot(() => this.facts(from, to, ctx, filter));
    return { from, to, by, key, figure, scope: ctx.scope, filter, ...stintsBehind(facts, by, key, figure, ctx.hall) };
  }

  attendance(query: PeriodQuery, ctx: ReportContext): AttendanceReport {
    const { from, to } = query;
    const rows = this.journal.snapshot(() => attendanceRows(this.queuesAndWindows(from, to), ctx));
    return { from, to, scope: ctx.scope, rows };
  }

  /**
   * The empty posts of the types the caller answers for: the manager every type, a chief representative those their
   * department's windows serve.
   */
  emptyPosts(query: PeriodQuery, ctx: ReportContext): EmptyPostReport {
    const { from, to } = query;
    const intervals = this.journal.snapshot(() => emptyPosts(this.queuesAndWindows(from, to), ctx));
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
    return this.journal.snapshot(() => {
      const facts = this.facts(from, to, ctx, {});
      const previous = this.facts(before.from, before.to, ctx, {});
      const month = this.queuesAndWindows(from, to);
      const windows = groups(facts, 'window', ctx);
      const empty = emptyPosts(month, ctx);
      const away = new Map<string, number>();
      for (const row of attendanceRows(month, ctx)) {
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

  /** The period's stints and ratings in the scope and the filter. Inside a snapshot. */
  private facts(from: string, to: string, ctx: ReportContext, filter: ReportFilter): PeriodFacts {
    const ratings = typed<RatingEntry>(this.journal.entriesOfDays(from, to, RATING_ENTRY_TYPES));
    return selectFacts(withRatings(this.stints(from, to), ratings), ctx.scope, filter, ctx.hall);
  }

  /** Each stint of each visit issued on the days `from` … `to`, from the kept days and the days read now. */
  private stints(from: string, to: string): StintFact[] {
    this.forgetChangedDays();
    const missing = hallDays(from, to).filter((day) => !this.days.has(day));
    if (missing.length > 0) {
      // One read for the days missing, from the first to the last (kept days between are read again, and kept).
      const entries = typed<TicketEntry>(this.journal.entriesOfDays(missing[0]!, missing.at(-1)!, TICKET_ENTRY_TYPES));
      const byDay = new Map<string, TicketEntry[]>(missing.map((day) => [day, []]));
      for (const e of entries) byDay.get(e.hallDay)?.push(e);
      for (const [day, dayEntries] of byDay) this.keep(day, stintFacts(visitsOf(dayEntries)));
    }
    return hallDays(from, to).flatMap((day) => this.days.get(day)!);
  }

  private forgetChangedDays(): void {
    const last = this.journal.lastEntryId();
    if (last === this.seenUpTo) return;
    for (const day of this.journal.daysWrittenSince(this.seenUpTo)) this.days.delete(day);
    this.seenUpTo = last;
  }

  private keep(day: string, stints: StintFact[]): void {
    this.days.set(day, stints);
    if (this.days.size > MAX_CACHED_DAYS) this.days.delete(this.days.keys().next().value!);
  }

  private queuesAndWindows(from: string, to: string): (TicketEntry | WindowEntry)[] {
    const types = [...TICKET_ENTRY_TYPES, ...WINDOW_ENTRY_TYPES];
    return typed<TicketEntry | WindowEntry>(this.journal.entriesOfDays(from, to, types));
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

function attendanceRows(entries: (TicketEntry | WindowEntry)[], ctx: ReportContext): AttendanceRow[] {
  const { hall, scope } = ctx;
  const windows = entries.filter((e): e is WindowEntry => e.type.startsWith('window.'));
  const tickets = entries.filter((e): e is TicketEntry => e.type.startsWith('ticket.'));
  const departmentOf = (clerk: string) => hall.staff.find((s) => s.id === clerk)?.department ?? null;
  return attendance({ windows, tickets }, hall, ctx.now).filter((r) =>
    scope.kind === 'hall'
      ? true
      : scope.kind === 'department'
        ? departmentOf(r.clerk) === scope.department
        : r.clerk === scope.clerk,
  );
}

function emptyPosts(entries: (TicketEntry | WindowEntry)[], ctx: ReportContext): EmptyPostInterval[] {
  const { hall, scope } = ctx;
  const theirs =
    scope.kind === 'department'
      ? new Set(hall.windows.filter((w) => w.department === scope.department).flatMap((w) => w.serves))
      : null;
  return emptyPostIntervals(entries, hall, ctx.now).filter((i) => theirs === null || theirs.has(i.windowType));
}
