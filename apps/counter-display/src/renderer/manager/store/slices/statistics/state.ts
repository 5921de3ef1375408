import type { ReportFilter, ReportGroup, StintFigure, StintRow } from '@hallq/shared/domain';

/** The periods the 统计 page offers; `custom` is the from–to the user typed. */
export const PERIODS = ['today', 'thisWeek', 'thisMonth', 'lastMonth', 'custom'] as const;
export type StatisticsPeriod = (typeof PERIODS)[number];

/** What the second table lists the figures by. */
export const TABLE_GROUPINGS = ['window', 'clerk', 'item'] as const;
export type TableGrouping = (typeof TABLE_GROUPINGS)[number];

/**
 * A part of the hall the figures are narrowed to; null is 全部. The department is the console's scope (the manager's
 * 单位 filter, a chief representative's own), not a filter of its own.
 */
export interface StatisticsFilter {
  windowType: string | null;
  window: number | null;
  clerk: string | null;
}

/** One load of the page: the hall's totals and the groups the charts and tables show, for one period. */
export interface StatisticsReport {
  /** What was asked: the period's hall days and the filter (a drill-down asks the same). */
  query: { from: string; to: string } & ReportFilter;
  /** The whole (filtered) hall; null for a period without any work. */
  totals: ReportGroup | null;
  byHour: ReportGroup[];
  byWindowType: ReportGroup[];
  /** By the table grouping it was loaded with. */
  grouping: TableGrouping;
  byGroup: ReportGroup[];
}

/** The tickets behind one figure of one group, as the drill-down lists them. */
export interface DrillDown {
  by: 'hall' | 'windowType' | TableGrouping;
  key: string;
  figure: StintFigure;
  status: 'loading' | 'loaded' | 'failed';
  rows: StintRow[];
  total: number;
}

export interface StatisticsState {
  statisticsPeriod: StatisticsPeriod;
  /** The custom period's days (YYYY-MM-DD), as typed; either may still be empty. */
  statisticsCustom: { from: string; to: string };
  statisticsGrouping: TableGrouping;
  statisticsFilter: StatisticsFilter;
  statistics: StatisticsReport | null;
  /** 'idle' until the page is first opened: a month's figures are counted on the server only when wanted. */
  statisticsStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  drillDown: DrillDown | null;
  /** The 好差评 CSV of the period, while it downloads or after it failed. */
  ratingsExport: 'idle' | 'downloading' | 'failed';
}

export const noStatisticsFilter: StatisticsFilter = { windowType: null, window: null, clerk: null };

export const initialStatisticsState: StatisticsState = {
  statisticsPeriod: 'today',
  statisticsCustom: { from: '', to: '' },
  statisticsGrouping: 'window',
  statisticsFilter: noStatisticsFilter,
  statistics: null,
  statisticsStatus: 'idle',
  drillDown: null,
  ratingsExport: 'idle',
};
