import { type ReactNode, useEffect, useMemo } from 'react';
import { TABLE_GROUPINGS, type StatisticsReport } from '../store/slices/statistics/state';
import { DrillDownDialog } from './DrillDownDialog';
import { EChart } from './EChart';
import { t, useActions, useManager, usePerson, useScope } from './manager-context';
import { hourlyChart, ratingsChart, waitsChart } from './statistics-charts';
import { saveFile } from './save-file';
import { groupName } from './statistics-format';
import { StatisticsFilters } from './StatisticsFilters';
import { StatisticsHeadline } from './StatisticsHeadline';
import { StatisticsTable } from './StatisticsTable';
import './statistics.css';

/** 统计: the figures of a period (today live, or any other) of the console's scope, charted and by group. */
export function Statistics() {
  const status = useManager((s) => s.statisticsStatus);
  const report = useManager((s) => s.statistics);
  const period = useManager((s) => s.statisticsPeriod);
  const drill = useManager((s) => s.drillDown);
  const hallLoaded = useManager((s) => s.hall !== null);
  const scope = useScope();
  // The figures are of the console's scope: asked for once the hall and the session's department are known.
  const ready = hallLoaded && scope.kind !== 'pending';
  const exporting = useManager((s) => s.ratingsExport);
  const { loadStatistics, exportRatings } = useActions();
  useEffect(() => {
    if (ready) void loadStatistics();
  }, [ready, loadStatistics]);

  return (
    <section className="mgr-stats" data-testid="statistics">
      <div className="mgr-section-head">
        <h2>
          {t('statistics.title')}
          {report && (
            <span className="mgr-stats-range" data-testid="statistics-range">
              {t('statistics.range', { from: report.query.from, to: report.query.to })}
            </span>
          )}
          {period === 'today' && <span className="mgr-stats-live">{t('statistics.live')}</span>}
        </h2>
        <span className="mgr-stats-actions">
          {exporting === 'failed' && <span className="mgr-error">{t('statistics.exportFailed')}</span>}
          <button
            type="button"
            data-testid="statistics-export-ratings"
            disabled={exporting === 'downloading' || report === null}
            onClick={() => void exportRatings().then((file) => file && saveFile(file))}
          >
            {t(exporting === 'downloading' ? 'statistics.exporting' : 'statistics.exportRatings')}
          </button>
          <button type="button" data-testid="statistics-refresh" onClick={() => void loadStatistics()}>
            {t('statistics.refresh')}
          </button>
        </span>
      </div>
      <StatisticsFilters />
      {status === 'loading' && report === null && <p className="mgr-notice">{t('statistics.loading')}</p>}
      {status === 'failed' && <p className="mgr-error">{t('statistics.failed')}</p>}
      {status === 'loaded' && report === null && period === 'custom' && (
        <p className="mgr-notice">{t('statistics.chooseDays')}</p>
      )}
      {report && <Figures report={report} />}
      {drill && <DrillDownDialog key={`${drill.by}-${drill.key}-${drill.figure}`} drill={drill} />}
    </section>
  );
}

function Figures({ report }: { report: StatisticsReport }) {
  const hall = useManager((s) => s.hall);
  const grouping = useManager((s) => s.statisticsGrouping);
  const person = usePerson();
  const { chooseStatisticsGrouping } = useActions();
  const charts = useMemo(
    () => ({
      hourly: hourlyChart(report.byHour),
      waits: waitsChart(report.totals),
      ratings: ratingsChart(report.totals),
    }),
    [report],
  );
  const named = (by: StatisticsReport['grouping'] | 'windowType', groups: StatisticsReport['byGroup']) =>
    groups.map((group) => ({ group, name: groupName(hall, person, by, group.key) }));

  return (
    <>
      <StatisticsHeadline totals={report.totals} />
      <div className="mgr-stats-charts">
        <ChartCard title={t('statistics.chart.hourly')}>
          <EChart option={charts.hourly.option} label={charts.hourly.label} testId="statistics-chart-hourly" />
        </ChartCard>
        <ChartCard title={t('statistics.chart.waits')}>
          <EChart option={charts.waits.option} label={charts.waits.label} testId="statistics-chart-waits" />
        </ChartCard>
        <ChartCard title={t('statistics.chart.ratings')}>
          <EChart option={charts.ratings.option} label={charts.ratings.label} testId="statistics-chart-ratings" />
        </ChartCard>
      </div>
      <p className="mgr-stats-hint">{t('statistics.table.drillHint')}</p>
      <h3>{t('statistics.table.byWindowType')}</h3>
      <StatisticsTable by="windowType" rows={named('windowType', report.byWindowType)} testId="statistics-types" />
      <div className="mgr-stats-grouping" role="group" aria-label={t('statistics.grouping.label')}>
        {TABLE_GROUPINGS.map((g) => (
          <button
            key={g}
            type="button"
            data-testid={`statistics-grouping-${g}`}
            aria-pressed={grouping === g}
            className={grouping === g ? 'current' : 'secondary'}
            onClick={() => chooseStatisticsGrouping(g)}
          >
            {t(`statistics.grouping.${g}`)}
          </button>
        ))}
      </div>
      <StatisticsTable by={report.grouping} rows={named(report.grouping, report.byGroup)} testId="statistics-groups" />
    </>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <figure className="mgr-stats-chart-card">
      <figcaption>{title}</figcaption>
      {children}
    </figure>
  );
}
