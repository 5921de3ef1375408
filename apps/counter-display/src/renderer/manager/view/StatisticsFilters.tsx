import { PERIODS } from '../store/slices/statistics/state';
import { statisticsClerks, statisticsWindows, statisticsWindowTypes } from '../store/slices/statistics/selectors';
import { t, useActions, useManager, usePerson, useScope } from './manager-context';

/** The period (今日 … 自定义) and the filters: window type, window, clerk, each within the console's scope. */
export function StatisticsFilters() {
  const period = useManager((s) => s.statisticsPeriod);
  const custom = useManager((s) => s.statisticsCustom);
  const filter = useManager((s) => s.statisticsFilter);
  const hall = useManager((s) => s.hall);
  const directory = useManager((s) => s.directory);
  const scope = useScope();
  const person = usePerson();
  const { chooseStatisticsPeriod, setStatisticsCustom, filterStatistics } = useActions();
  const all = <option value="">{t('statistics.filter.all')}</option>;

  return (
    <div className="mgr-stats-filters" data-testid="statistics-filters">
      <div className="mgr-stats-periods" role="group" aria-label={t('statistics.period.label')}>
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            data-testid={`statistics-period-${p}`}
            aria-pressed={period === p}
            className={period === p ? 'current' : 'secondary'}
            onClick={() => chooseStatisticsPeriod(p)}
          >
            {t(`statistics.period.${p}`)}
          </button>
        ))}
      </div>
      {period === 'custom' && (
        <span className="mgr-stats-custom">
          <label>
            {t('statistics.period.from')}
            <input
              type="date"
              data-testid="statistics-from"
              value={custom.from}
              max={custom.to || undefined}
              onChange={(e) => setStatisticsCustom({ from: e.target.value })}
            />
          </label>
          <label>
            {t('statistics.period.to')}
            <input
              type="date"
              data-testid="statistics-to"
              value={custom.to}
              min={custom.from || undefined}
              onChange={(e) => setStatisticsCustom({ to: e.target.value })}
            />
          </label>
        </span>
      )}
      <label>
        {t('statistics.filter.windowType')}
        <select
          data-testid="statistics-filter-type"
          value={filter.windowType ?? ''}
          // A window that does not serve the type would leave nothing to count.
          onChange={(e) => filterStatistics({ windowType: e.target.value || null, window: null })}
        >
          {all}
          {statisticsWindowTypes(hall, scope).map((type) => (
            <option key={type.code} value={type.code}>
              {type.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('statistics.filter.window')}
        <select
          data-testid="statistics-filter-window"
          value={filter.window ?? ''}
          onChange={(e) => filterStatistics({ window: e.target.value ? Number(e.target.value) : null })}
        >
          {all}
          {statisticsWindows(hall, scope, filter.windowType).map((n) => (
            <option key={n} value={n}>
              {t('statistics.filter.windowNumber', { number: n })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('statistics.filter.clerk')}
        <select
          data-testid="statistics-filter-clerk"
          value={filter.clerk ?? ''}
          onChange={(e) => filterStatistics({ clerk: e.target.value || null })}
        >
          {all}
          {statisticsClerks(directory, scope).map((s) => (
            <option key={s.id} value={s.id}>
              {person(s.id)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="secondary"
        onClick={() => filterStatistics({ windowType: null, window: null, clerk: null })}
      >
        {t('statistics.filter.reset')}
      </button>
    </div>
  );
}
