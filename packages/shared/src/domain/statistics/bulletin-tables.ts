import type { ReportGroup } from './summary';

/** How a bulletin figure reads: a count, minutes (one decimal) or a share (a fraction shown as a percentage). */
export type FigureUnit = 'count' | 'minutes' | 'share';

/** One line of the bulletin's totals table: its key (its words are `bulletin.total.<key>`), unit and value. */
export interface TotalRow {
  key: string;
  unit: FigureUnit;
  value(group: ReportGroup): number | null;
}

/**
 * The lines of the totals table, in the order the printed bulletin and the workbook's 总体 sheet both give them, so
 * the two never show different figures under one name.
 */
export const BULLETIN_TOTALS: readonly TotalRow[] = [
  { key: 'issued', unit: 'count', value: (g) => g.tickets.issued },
  { key: 'served', unit: 'count', value: (g) => g.tickets.served },
  { key: 'completed', unit: 'count', value: (g) => g.tickets.byOutcome.completed ?? 0 },
  { key: 'accepted', unit: 'count', value: (g) => g.tickets.byOutcome.accepted ?? 0 },
  { key: 'incomplete', unit: 'count', value: (g) => g.tickets.byOutcome.incomplete ?? 0 },
  { key: 'rejected', unit: 'count', value: (g) => g.tickets.byOutcome.rejected ?? 0 },
  { key: 'transferred', unit: 'count', value: (g) => g.tickets.transferred },
  { key: 'noShows', unit: 'count', value: (g) => g.tickets.noShows },
  { key: 'walkouts', unit: 'count', value: (g) => g.tickets.walkouts },
  { key: 'meanWait', unit: 'minutes', value: (g) => g.tickets.waiting.mean },
  { key: 'p90Wait', unit: 'minutes', value: (g) => g.tickets.waiting.p90 },
  { key: 'aboveServiceLevel', unit: 'count', value: (g) => g.tickets.waiting.aboveServiceLevel },
  { key: 'meanService', unit: 'minutes', value: (g) => g.tickets.service.mean },
  { key: 'ratedShare', unit: 'share', value: (g) => g.ratings.ratedShare },
  { key: 'goodShare', unit: 'share', value: (g) => g.ratings.goodShare },
  { key: 'bad', unit: 'count', value: (g) => g.ratings.bad },
  { key: 'followUpsOpened', unit: 'count', value: (g) => g.ratings.followUps.opened },
  { key: 'followUpsClosedOnTime', unit: 'count', value: (g) => g.ratings.followUps.closedOnTime },
];

/**
 * The change from last month: a count's or a time's relative to last month's (`percent`), a share's in percentage
 * points (`points`: 好评率 from 90% to 95% is 5 points, not 5.6%). Null where last month had no such figure, or a
 * count or time of 0 to compare with.
 */
export interface FigureChange {
  direction: 'up' | 'down' | 'same';
  /** Percent or percentage points, to one decimal, never negative (the direction says which way). */
  amount: number;
  unit: 'percent' | 'points';
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function figureChange(unit: FigureUnit, current: number | null, previous: number | null): FigureChange | null {
  if (current === null || previous === null) return null;
  const amount =
    unit === 'share'
      ? oneDecimal((current - previous) * 100)
      : previous === 0
        ? null
        : oneDecimal(((current - previous) / previous) * 100);
  if (amount === null) return null;
  const direction = amount > 0 ? 'up' : amount < 0 ? 'down' : 'same';
  return { direction, amount: Math.abs(amount), unit: unit === 'share' ? 'points' : 'percent' };
}

/** What the targets are read from: the windows and their types. */
export interface TargetsHall {
  windows: readonly { number: number; serves: readonly string[] }[];
  windowTypes: readonly {
    code: string;
    targetWaitMinutes: number;
    defaultServiceMinutes: number;
    targetServiceMinutes?: number;
  }[];
}

/**
 * The targets a window's figures are read against: those of the window type it serves first (its `serves` is in
 * order of preference), the wait the hall aims for and the service time the counter panel's timer aims for. Null for
 * a window the hall file no longer has.
 */
export function windowTargets(
  hall: TargetsHall,
  window: number,
): { windowType: string; waitMinutes: number; serviceMinutes: number } | null {
  const code = hall.windows.find((w) => w.number === window)?.serves[0];
  const type = hall.windowTypes.find((t) => t.code === code);
  if (!type) return null;
  return {
    windowType: type.code,
    waitMinutes: type.targetWaitMinutes,
    serviceMinutes: type.targetServiceMinutes ?? type.defaultServiceMinutes,
  };
}

/** The words of a change (`bulletin.change.<key>` in the console catalogue, with `amount`): ↑12.5%, ↓3个百分点, 持平, —. */
export function changeWordKey(
  change: FigureChange | null,
): 'up' | 'down' | 'upPoints' | 'downPoints' | 'same' | 'none' {
  if (change === null) return 'none';
  if (change.direction === 'same') return 'same';
  return change.unit === 'points' ? `${change.direction}Points` : change.direction;
}
