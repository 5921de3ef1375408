import { z } from 'zod';
import {
  AttendanceRow,
  BadRating,
  EmptyPostInterval,
  GROUPINGS,
  ReportFilter,
  ReportGroup,
  STINT_FIGURES,
  StintRow,
  WindowRank,
} from '../domain/statistics';
import { HallDay } from '../domain/ticket';
import { DownloadedFile, type RouteContract, XLSX_MEDIA_TYPE } from './route-contract';

/** The longest period one report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

/** A calendar date that exists (2026-02-30 does not). */
const ReportDay = HallDay.refine((d) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
}, 'no such date');
const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

/** A report's period: `from` … `to`, hall days, both included. */
export const period = { from: ReportDay, to: ReportDay };
/** `to` not before `from`, and at most MAX_REPORT_DAYS days: every period query checks this. */
export function checkPeriod(q: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (q.from > q.to) ctx.addIssue({ code: 'custom', message: 'must not be before from', path: ['to'] });
  else if (daysFrom(q.from, q.to) > MAX_REPORT_DAYS) {
    ctx.addIssue({ code: 'custom', message: `a report covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] });
  }
}

const grouping = z.enum(GROUPINGS, { error: `must be one of ${GROUPINGS.join(', ')}` });

/** A summary: the period, the grouping, and optionally a part of the hall (department, type, window, clerk, item). */
export const ReportQuery = z
  .object({ ...period, by: grouping.default('hall'), ...ReportFilter.shape })
  .strict()
  .superRefine(checkPeriod);
export type ReportQuery = z.infer<typeof ReportQuery>;

/** A drill-down: the tickets behind one figure (`figure`) of one group (`key` under `by`) of a summary. */
export const DrillDownQuery = z
  .object({
    ...period,
    by: grouping,
    key: z.string().min(1),
    figure: z.enum(STINT_FIGURES, { error: `must be one of ${STINT_FIGURES.join(', ')}` }),
    ...ReportFilter.shape,
  })
  .strict()
  .superRefine(checkPeriod);
export type DrillDownQuery = z.infer<typeof DrillDownQuery>;

export const PeriodQuery = z.object(period).strict().superRefine(checkPeriod);
export type PeriodQuery = z.infer<typeof PeriodQuery>;

/** Whose work a report counts: the hall (the manager), a department (a chief representative's), one clerk's own. */
const ReportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hall') }).strict(),
  z.object({ kind: z.literal('department'), department: z.string() }).strict(),
  z.object({ kind: z.literal('clerk'), clerk: z.string() }).strict(),
]);

export const SummaryReport = z
  .object({
    from: HallDay,
    to: HallDay,
    by: z.enum(GROUPINGS),
    scope: ReportScope,
    filter: ReportFilter,
    groups: z.array(ReportGroup),
  })
  .strict();
export type SummaryReport = z.infer<typeof SummaryReport>;

export const DrillDownReport = z
  .object({
    from: HallDay,
    to: HallDay,
    by: z.enum(GROUPINGS),
    key: z.string(),
    figure: z.enum(STINT_FIGURES),
    scope: ReportScope,
    filter: ReportFilter,
    /** How many tickets are behind the figure; `rows` lists the first of them (at most 500) in the order they queued. */
    total: z.number().int(),
    rows: z.array(StintRow),
  })
  .strict();
export type DrillDownReport = z.infer<typeof DrillDownReport>;

export const AttendanceReport = z
  .object({ from: HallDay, to: HallDay, scope: ReportScope, rows: z.array(AttendanceRow) })
  .strict();
export type AttendanceReport = z.infer<typeof AttendanceReport>;

export const EmptyPostReport = z
  .object({
    from: HallDay,
    to: HallDay,
    scope: ReportScope,
    /** Each empty post (空岗), earliest first. */
    intervals: z.array(EmptyPostInterval),
    /** Per day with any: how many, and their minutes together. */
    byDay: z.array(z.object({ day: HallDay, count: z.number().int(), minutes: z.number() }).strict()),
  })
  .strict();
export type EmptyPostReport = z.infer<typeof EmptyPostReport>;

export const BulletinQuery = z
  .object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM') })
  .strict();
export type BulletinQuery = z.infer<typeof BulletinQuery>;

/** The monthly bulletin (月度通报): the month's figures beside the month before, and what the seeds ask it to show. */
export const Bulletin = z
  .object({
    month: z.string(),
    from: HallDay,
    to: HallDay,
    scope: ReportScope,
    /** The whole hall (or department) this month and the month before; null for a month without any work. */
    totals: z.object({ current: ReportGroup.nullable(), previous: ReportGroup.nullable() }).strict(),
    departments: z.array(ReportGroup),
    windows: z.array(ReportGroup),
    ranking: z.array(WindowRank),
    badRatings: z.array(BadRating),
    emptyPosts: z.object({ count: z.number().int(), minutes: z.number() }).strict(),
    /** Clerks who left their post during service hours (暂停: 离开), with the minutes, most first. */
    away: z.array(z.object({ clerk: z.string(), minutes: z.number() }).strict()),
  })
  .strict();
export type Bulletin = z.infer<typeof Bulletin>;

export const reportRoutes = {
  reportSummary: {
    method: 'GET',
    path: '/api/reports/summary',
    summary:
      'Figures of a period (tickets, waiting and service times, 好差评) by hall, department, window type, window, clerk, item, day or hour',
    auth: 'staff',
    query: ReportQuery,
    status: 200,
    response: SummaryReport,
  },
  reportTickets: {
    method: 'GET',
    path: '/api/reports/tickets',
    summary:
      'The tickets behind one figure of one group of a summary (drill-down): times, window, clerk, how each ended',
    auth: 'staff',
    query: DrillDownQuery,
    status: 200,
    response: DrillDownReport,
  },
  reportAttendance: {
    method: 'GET',
    path: '/api/reports/attendance',
    summary: "Each clerk's days at the windows (考勤): on post, paused by reason, serving, idle, B-post takeovers",
    auth: 'staff',
    query: PeriodQuery,
    status: 200,
    response: AttendanceReport,
  },
  reportBulletin: {
    method: 'GET',
    path: '/api/reports/bulletin',
    summary:
      '月度通报: the month beside the month before, by department and window, the ranking, 差评 and follow-ups, 空岗, absences',
    auth: 'department_lead',
    query: BulletinQuery,
    status: 200,
    response: Bulletin,
  },
  reportBulletinWorkbook: {
    method: 'GET',
    path: '/api/reports/bulletin.xlsx',
    summary: '月度通报 as an Excel workbook (.xlsx): one sheet per table of the bulletin, for the same month and scope',
    auth: 'department_lead',
    query: BulletinQuery,
    status: 200,
    produces: XLSX_MEDIA_TYPE,
    response: DownloadedFile,
  },
  reportEmptyPosts: {
    method: 'GET',
    path: '/api/reports/empty-posts',
    summary:
      '空岗: each interval a window type had people waiting and no open window serving it, and the totals per day',
    auth: 'department_lead',
    query: PeriodQuery,
    status: 200,
    response: EmptyPostReport,
  },
} as const satisfies Record<string, RouteContract>;
