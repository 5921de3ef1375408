import { useEffect } from 'react';
import { type ArchiveRow, archiveRows, archiveSummary } from '../store/slices/archive/selectors';
import { reasonText } from '../store/slices/followups/selectors';
import { departmentName } from '../store/slices/scope/selectors';
import { ArchiveFilters } from './ArchiveFilters';
import { t, useActions, useHallTime, useManager, usePerson, useScope } from './manager-context';

/** 整改台账: the closed follow-ups of the console's scope, what was done and whether the deadline was kept. */
export function Archive() {
  const archive = useManager((s) => s.archive);
  const status = useManager((s) => s.archiveStatus);
  const filter = useManager((s) => s.archiveFilter);
  const hall = useManager((s) => s.hall);
  const scope = useScope();
  const { loadArchive } = useActions();
  useEffect(() => {
    void loadArchive();
  }, [loadArchive]);
  const rows = archiveRows(archive, filter, hall, scope);

  return (
    <section className="mgr-archive" data-testid="archive">
      <div className="mgr-section-head">
        <h2>{t('archive.title')}</h2>
        <button type="button" onClick={() => void loadArchive()}>
          {t('archive.refresh')}
        </button>
      </div>
      <ArchiveFilters />
      {status === 'loading' && archive.length === 0 && <p className="mgr-notice">{t('archive.loading')}</p>}
      {status === 'failed' && <p className="mgr-error">{t('archive.failed')}</p>}
      <p className="mgr-archive-count" data-testid="archive-count">
        {t('archive.count', archiveSummary(rows))}
      </p>
      <table className="mgr-archive-table">
        <thead>
          <tr>
            <th>{t('archive.column.ratedAt')}</th>
            <th>{t('archive.column.window')}</th>
            <th>{t('archive.column.clerk')}</th>
            <th>{t('archive.column.rating')}</th>
            <th>{t('archive.column.deadline')}</th>
            <th>{t('archive.column.closedAt')}</th>
            <th>{t('archive.column.timeliness')}</th>
            <th>{t('archive.column.assignee')}</th>
            <th>{t('archive.column.notes')}</th>
            <th>{t('archive.column.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row key={row.followUp.id} row={row} showDepartment={scope.kind === 'hall'} />
          ))}
          {status === 'loaded' && rows.length === 0 && (
            <tr>
              <td colSpan={10}>{t('archive.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

function Row({
  row: { followUp: f, department, timeliness },
  showDepartment,
}: {
  row: ArchiveRow;
  showDepartment: boolean;
}) {
  const { fullDateTime, dateTime } = useHallTime();
  const hall = useManager((s) => s.hall);
  const person = usePerson();
  const reason = reasonText(f.rating.reason, hall, t('followUps.otherReason'));
  return (
    <tr data-testid={`archive-row-${f.id}`} data-window={f.rating.window} className={timeliness}>
      <td className="nowrap">{fullDateTime(f.rating.recordedAt)}</td>
      <td className="nowrap">
        {t('archive.windowNumber', { number: f.rating.window })}
        {showDepartment && department && <div className="mgr-department">{departmentName(hall, department)}</div>}
      </td>
      <td className="nowrap">{f.rating.clerk ? person(f.rating.clerk) : '—'}</td>
      <td className="mgr-archive-rating">
        <strong className={`mgr-result ${f.rating.result}`}>{t(`level.${f.rating.result}`)}</strong>
        {reason && <div>{reason}</div>}
      </td>
      <td className="nowrap">{f.deadline}</td>
      <td className="nowrap">{f.closedAt && fullDateTime(f.closedAt)}</td>
      <td className="nowrap">
        <span className={`mgr-timeliness ${timeliness}`}>
          {t(timeliness === 'late' ? 'archive.late' : 'archive.onTime')}
        </span>
      </td>
      <td className="nowrap">{f.assignee ? person(f.assignee) : '—'}</td>
      <td className="mgr-archive-notes">
        {f.notes.map((n) => (
          <div key={`${n.at}-${n.by}`}>
            {dateTime(n.at)} {person(n.by)}
            {n.calledBack && <strong>{t('followUps.calledBack')}</strong>}：{n.text}
          </div>
        ))}
      </td>
      <td>{f.resolution}</td>
    </tr>
  );
}
