import { z } from 'zod';
import { GROUPINGS, ReportGroup } from '../domain/statistics';
import { HallDay } from '../domain/ticket';
import type { RouteContract } from './route-contract';

/** The longest period one report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

/** A calendar date that exists (2026-02-30 does not). */
const ReportDay = HallDay.refine((d) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
}, 'no such date');
const daysFrom = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;

export const ReportQuery = z
  .object({
    from: ReportDay,
    to: ReportDay,
    by: z.enum(GROUPINGS, { error: `must be one of ${GROUPINGS.join(', ')}` }).default('hall'),
  })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'must not be before from', path: ['to'] })
  .refine((q) => daysFrom(q.from, q.to) <= MAX_REPORT_DAYS, {
    message: `a report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof ReportQuery>;

export const SummaryReport = z
  .object({
    from: HallDay,
    to: HallDay,
    by: z.enum(GROUPINGS),
    /** Whose work it counts: the hall (the manager), a department (a chief representative's), one clerk's own. */
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('hall') }).strict(),
      z.object({ kind: z.literal('department'), department: z.string() }).strict(),
      z.object({ kind: z.literal('clerk'), clerk: z.string() }).strict(),
    ]),
    groups: z.array(ReportGroup),
  })
  .strict();
export type SummaryReport = z.infer<typeof SummaryReport>;

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
} as const satisfies Record<string, RouteContract>;
