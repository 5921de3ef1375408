import type { StintRow } from '@hallq/shared/domain';
import { useEffect, useRef } from 'react';
import type { DrillDown } from '../store/slices/statistics/state';
import { t, useActions, useHallTime, useManager, usePerson } from './manager-context';
import { groupName, minutesText } from './statistics-format';

/** The tickets behind the figure clicked, in a modal dialog: Esc or 关闭 returns to the figures. */
export function DrillDownDialog({ drill }: { drill: DrillDown }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const hall = useManager((s) => s.hall);
  const person = usePerson();
  const { closeDrillDown } = useActions();

  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    return () => element.close();
  }, []);

  const title = t('statistics.drill.title', {
    group: groupName(hall, person, drill.by, drill.key),
    figure: t(`statistics.figure.${drill.figure}`),
    total: drill.total,
  });
  return (
    <dialog
      ref={dialog}
      className="mgr-stats-drill"
      data-testid="statistics-drill"
      aria-labelledby="statistics-drill-title"
      onClose={() => closeDrillDown()}
    >
      <div className="mgr-section-head">
        <h3 id="statistics-drill-title">{drill.status === 'loaded' ? title : t('statistics.drill.loading')}</h3>
        <button type="button" data-testid="statistics-drill-close" onClick={() => closeDrillDown()}>
          {t('statistics.drill.close')}
        </button>
      </div>
      {drill.status === 'failed' && <p className="mgr-error">{t('statistics.drill.failed')}</p>}
      {drill.status === 'loaded' && drill.rows.length < drill.total && (
        <p className="mgr-notice">{t('statistics.drill.first', { count: drill.rows.length })}</p>
      )}
      {drill.status === 'loaded' && <Rows rows={drill.rows} />}
    </dialog>
  );
}

function Rows({ rows }: { rows: readonly StintRow[] }) {
  const hall = useManager((s) => s.hall);
  const person = usePerson();
  const { time } = useHallTime();
  const column = (key: string) => <th scope="col">{t(`statistics.drill.column.${key}`)}</th>;
  if (rows.length === 0) return <p className="mgr-notice">{t('statistics.drill.none')}</p>;
  return (
    <div className="mgr-stats-drill-rows">
      <table className="mgr-stats-table">
        <thead>
          <tr>
            {column('number')}
            {column('day')}
            {column('windowType')}
            {column('window')}
            {column('clerk')}
            {column('queuedAt')}
            {column('calledAt')}
            {column('endedAt')}
            {column('end')}
            {column('wait')}
            {column('service')}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.ticketId}-${row.queuedAt}`} data-testid={`statistics-drill-row-${row.number}`}>
              <th scope="row">{row.number}</th>
              <td>{row.day}</td>
              <td>{groupName(hall, person, 'windowType', row.windowType)}</td>
              <td>{row.window === null ? '—' : t('statistics.table.windowNumber', { number: row.window })}</td>
              <td>{row.clerk === null ? '—' : person(row.clerk)}</td>
              <td>{time(row.queuedAt)}</td>
              <td>{row.calledAt ? time(row.calledAt) : '—'}</td>
              <td>{row.endedAt ? time(row.endedAt) : '—'}</td>
              <td>{t(`statistics.drill.end.${row.end ?? 'inPlay'}`)}</td>
              <td>{minutesText(row.waitMinutes)}</td>
              <td>{minutesText(row.serviceMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
