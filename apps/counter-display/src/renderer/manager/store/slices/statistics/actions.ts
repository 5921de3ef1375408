import { ApiError, type Download } from '@hallq/shared/client';
import type { StintFigure } from '@hallq/shared/domain';
import type { SliceCreator } from '../../types';
import { type Period, statisticsQuery } from './selectors';
import {
  type DrillDown,
  initialStatisticsState,
  type StatisticsFilter,
  type StatisticsPeriod,
  type StatisticsState,
  type TableGrouping,
} from './state';

export interface StatisticsActions {
  /** On opening the 统计 page, on 刷新, and after the period, grouping or filter changed. */
  loadStatistics(): Promise<void>;
  /** Work may have been missed while disconnected: reload if the page was ever opened. */
  refreshStatistics(): void;
  /** The feed reported tickets or ratings changing: today's figures follow, at most every LIVE_REFRESH_MS. */
  statisticsChanged(): void;
  chooseStatisticsPeriod(period: StatisticsPeriod): void;
  setStatisticsCustom(patch: Partial<Period>): void;
  chooseStatisticsGrouping(grouping: TableGrouping): void;
  filterStatistics(patch: Partial<StatisticsFilter>): void;
  /** Lists the tickets behind `figure` of the group `key` (under `by`) of the figures on screen. */
  openDrillDown(by: DrillDown['by'], key: string, figure: StintFigure): Promise<void>;
  closeDrillDown(): void;
  /**
   * The 好差评 of the period on screen as the CSV the provincial system takes (the same records the uploader sends),
   * for the page to save; null when it could not be had.
   */
  exportRatings(): Promise<Download | null>;
  /** Forgets the figures on logout. */
  clearStatistics(): void;
}
export type StatisticsSlice = StatisticsState & StatisticsActions;

/** Today's figures follow the hall live, but a busy hall's every call must not recount the day on the server. */
export const LIVE_REFRESH_MS = 5000;

export const createStatisticsSlice: SliceCreator<StatisticsSlice> = (set, get, { client }) => {
  /** Only the latest load's answer counts; logging out invalidates every load in flight. */
  let generation = 0;
  let drillGeneration = 0;
  let lastLoadAt = -Infinity;
  let liveRefresh: ReturnType<typeof setTimeout> | undefined;

  const failed = (error: unknown): boolean => {
    if (error instanceof ApiError && error.status === 401) {
      get().endSession('登录已过期，请重新登录');
      return false;
    }
    return true;
  };

  /** A change of what is asked: the drill-down on screen belongs to the old figures. */
  const asked = (patch: Partial<StatisticsState>) => {
    drillGeneration++;
    set({ ...patch, drillDown: null });
    get().refreshStatistics();
  };

  return {
    ...initialStatisticsState,

    async exportRatings() {
      const token = get().session?.token;
      const query = statisticsQuery(get(), new Date());
      if (!token || !query) return null;
      set({ ratingsExport: 'downloading' });
      try {
        const file = await client.download('ratingExportCsv', { token, query: { from: query.from, to: query.to } });
        set({ ratingsExport: 'idle' });
        return file;
      } catch (error) {
        if (failed(error)) set({ ratingsExport: 'failed' });
        return null;
      }
    },

    async loadStatistics() {
      const token = get().session?.token;
      if (!token) return;
      const mine = ++generation;
      clearTimeout(liveRefresh);
      liveRefresh = undefined;
      const query = statisticsQuery(get(), new Date());
      if (!query) {
        set({ statistics: null, statisticsStatus: 'loaded' });
        return;
      }
      lastLoadAt = Date.now();
      set({ statisticsStatus: 'loading' });
      const grouping = get().statisticsGrouping;
      const summary = (by: 'hall' | 'hour' | 'windowType' | TableGrouping) =>
        client.call('reportSummary', { token, query: { ...query, by } });
      try {
        const [totals, byHour, byWindowType, byGroup] = await Promise.all([
          summary('hall'),
          summary('hour'),
          summary('windowType'),
          summary(grouping),
        ]);
        if (mine !== generation) return;
        set({
          statistics: {
            query,
            totals: totals.groups[0] ?? null,
            byHour: byHour.groups,
            byWindowType: byWindowType.groups,
            grouping,
            byGroup: byGroup.groups,
          },
          statisticsStatus: 'loaded',
        });
      } catch (error) {
        if (mine === generation && failed(error)) set({ statisticsStatus: 'failed' });
      }
    },

    refreshStatistics() {
      if (get().statisticsStatus !== 'idle') void get().loadStatistics();
    },

    statisticsChanged() {
      const { statisticsStatus, statisticsPeriod } = get();
      if (statisticsStatus === 'idle' || statisticsPeriod !== 'today' || liveRefresh !== undefined) return;
      const wait = Math.max(0, lastLoadAt + LIVE_REFRESH_MS - Date.now());
      liveRefresh = setTimeout(() => {
        liveRefresh = undefined;
        void get().loadStatistics();
      }, wait);
    },

    chooseStatisticsPeriod(period) {
      // A custom period starts as the one on screen, so it shows figures at once and is then narrowed or widened.
      const shown = get().statistics?.query;
      const custom = period === 'custom' && shown ? { from: shown.from, to: shown.to } : get().statisticsCustom;
      asked({ statisticsPeriod: period, statisticsCustom: custom });
    },

    setStatisticsCustom(patch) {
      asked({ statisticsCustom: { ...get().statisticsCustom, ...patch } });
    },

    chooseStatisticsGrouping(grouping) {
      asked({ statisticsGrouping: grouping });
    },

    filterStatistics(patch) {
      asked({ statisticsFilter: { ...get().statisticsFilter, ...patch } });
    },

    async openDrillDown(by, key, figure) {
      const token = get().session?.token;
      const query = get().statistics?.query;
      if (!token || !query) return;
      const mine = ++drillGeneration;
      set({ drillDown: { by, key, figure, status: 'loading', rows: [], total: 0 } });
      try {
        const { rows, total } = await client.call('reportTickets', { token, query: { ...query, by, key, figure } });
        if (mine === drillGeneration) set({ drillDown: { by, key, figure, status: 'loaded', rows, total } });
      } catch (error) {
        if (mine === drillGeneration && failed(error)) {
          set({ drillDown: { by, key, figure, status: 'failed', rows: [], total: 0 } });
        }
      }
    },

    closeDrillDown() {
      drillGeneration++;
      set({ drillDown: null });
    },

    clearStatistics() {
      generation++;
      drillGeneration++;
      clearTimeout(liveRefresh);
      liveRefresh = undefined;
      lastLoadAt = -Infinity;
      set(initialStatisticsState);
    },
  };
};
