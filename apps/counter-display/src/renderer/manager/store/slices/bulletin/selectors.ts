import type { Bulletin, PublicHall } from '@hallq/shared/contracts';
import {
  BULLETIN_TOTALS,
  figureChange,
  hallDay,
  previousMonth,
  windowTargets,
  type FigureChange,
  type FigureUnit,
  type ReportGroup,
} from '@hallq/shared/domain';

/** The month before the hall's current one (YYYY-MM): the bulletin handed over on the first working day. */
export const lastMonth = (now: Date, timeZone: string): string => previousMonth(hallDay(now, timeZone).slice(0, 7));

/** A line of the totals table: this month, last month, and the change. */
export interface TotalLine {
  key: string;
  unit: FigureUnit;
  current: number | null;
  previous: number | null;
  change: FigureChange | null;
}

export function totalLines(bulletin: Bulletin): TotalLine[] {
  const { current, previous } = bulletin.totals;
  return BULLETIN_TOTALS.map((row) => {
    const now = current ? row.value(current) : null;
    const before = previous ? row.value(previous) : null;
    return {
      key: row.key,
      unit: row.unit,
      current: now,
      previous: before,
      change: figureChange(row.unit, now, before),
    };
  });
}

/** A window's line: its figures beside its type's targets, and whether its mean wait or service was over them. */
export interface WindowLine {
  number: number;
  department: string | null;
  windowType: string | null;
  group: ReportGroup;
  waitTarget: number | null;
  serviceTarget: number | null;
  waitOver: boolean;
  serviceOver: boolean;
}

export function windowLines(bulletin: Bulletin, hall: PublicHall): WindowLine[] {
  return bulletin.windows.map((group) => {
    const number = Number(group.key);
    const targets = windowTargets(hall, number);
    const over = (value: number | null, target: number | undefined) =>
      value !== null && target !== undefined && value > target;
    return {
      number,
      department: hall.windows.find((w) => w.number === number)?.department ?? null,
      windowType: targets?.windowType ?? null,
      group,
      waitTarget: targets?.waitMinutes ?? null,
      serviceTarget: targets?.serviceMinutes ?? null,
      waitOver: over(group.tickets.waiting.mean, targets?.waitMinutes),
      serviceOver: over(group.tickets.service.mean, targets?.serviceMinutes),
    };
  });
}

/** The month's follow-ups: closed on time, and late (closed late, or open past their deadline now). */
export function followUpCounts(group: ReportGroup): { closedOnTime: number; overdue: number } {
  const { closed, closedOnTime, overdueNow } = group.ratings.followUps;
  return { closedOnTime, overdue: closed - closedOnTime + overdueNow };
}

/** The name of a code in the hall (a department, a window type, an item): its Chinese name, else the code. */
export function hallName(list: readonly { code: string; name: { zh: string } }[], code: string | null): string {
  if (code === null) return '—';
  return list.find((x) => x.code === code)?.name.zh ?? code;
}
