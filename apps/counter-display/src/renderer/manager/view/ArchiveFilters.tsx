import { BAD_RATING_LEVELS, RatingLevel } from '@hallq/shared/domain';
import { archiveAssignees, archiveWindows } from '../store/slices/archive/selectors';
import type { Timeliness } from '../store/slices/archive/state';
import { t, useActions, useManager, usePerson, useScope } from './manager-context';

const TIMELINESS: readonly Timeliness[] = ['on_time', 'late'];

/** The 整改台账's filters: the closing dates, the window, the assignee, the rating, on time or late. */
export function ArchiveFilters() {
  const filter = useManager((s) => s.archiveFilter);
  const archive = useManager((s) => s.archive);
  const hall = useManager((s) => s.hall);
  const scope = useScope();
  const person = usePerson();
  const { filterArchive, resetArchiveFilter } = useActions();
  const all = <option value="">{t('archive.filter.all')}</option>;

  return (
    <div className="mgr-archive-filters" data-testid="archive-filters">
      <label>
        {t('archive.filter.closedFrom')}
        <input
          type="date"
          data-testid="archive-filter-from"
          value={filter.closedFrom ?? ''}
          max={filter.closedTo ?? undefined}
          onChange={(e) => filterArchive({ closedFrom: e.target.value || null })}
        />
      </label>
      <label>
        {t('archive.filter.closedTo')}
        <input
          type="date"
          data-testid="archive-filter-to"
          value={filter.closedTo ?? ''}
          min={filter.closedFrom ?? undefined}
          onChange={(e) => filterArchive({ closedTo: e.target.value || null })}
        />
      </label>
      <label>
        {t('archive.filter.window')}
        <select
          data-testid="archive-filter-window"
          value={filter.window ?? ''}
          onChange={(e) => filterArchive({ window: e.target.value ? Number(e.target.value) : null })}
        >
          {all}
          {archiveWindows(hall, scope).map((n) => (
            <option key={n} value={n}>
              {t('archive.filter.windowNumber', { number: n })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('archive.filter.assignee')}
        <select
          data-testid="archive-filter-assignee"
          value={filter.assignee ?? ''}
          onChange={(e) => filterArchive({ assignee: e.target.value || null })}
        >
          {all}
          {archiveAssignees(archive, hall, scope).map((id) => (
            <option key={id} value={id}>
              {person(id)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('archive.filter.level')}
        <select
          data-testid="archive-filter-level"
          value={filter.level ?? ''}
          onChange={(e) => filterArchive({ level: e.target.value ? RatingLevel.parse(e.target.value) : null })}
        >
          {all}
          {BAD_RATING_LEVELS.map((level) => (
            <option key={level} value={level}>
              {t(`level.${level}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('archive.filter.timeliness')}
        <select
          data-testid="archive-filter-timeliness"
          value={filter.timeliness ?? ''}
          onChange={(e) => filterArchive({ timeliness: TIMELINESS.find((v) => v === e.target.value) ?? null })}
        >
          {all}
          {TIMELINESS.map((v) => (
            <option key={v} value={v}>
              {t(v === 'late' ? 'archive.late' : 'archive.onTime')}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="secondary" onClick={resetArchiveFilter}>
        {t('archive.filter.reset')}
      </button>
    </div>
  );
}
