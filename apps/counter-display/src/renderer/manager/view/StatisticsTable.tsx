import type { ReportGroup, StintFigure } from '@hallq/shared/domain';
import type { DrillDown } from '../store/slices/statistics/state';
import { FigureButton } from './FigureButton';
import { t } from './manager-context';
import { minutesText, percentText } from './statistics-format';

/** The counted columns, each opening its tickets: issued, served and its outcomes, no-shows, walkouts. */
const COUNTS = [
  'issued',
  'served',
  'completed',
  'accepted',
  'incomplete',
  'rejected',
  'transferred',
  'noShows',
  'walkouts',
] as const satisfies readonly StintFigure[];

function countOf(group: ReportGroup, figure: (typeof COUNTS)[number]): number {
  const { tickets } = group;
  if (figure === 'issued' || figure === 'served' || figure === 'noShows' || figure === 'walkouts') {
    return tickets[figure];
  }
  return tickets.byOutcome[figure];
}

/** The figures of each group of a grouping: one row per window type, window, clerk or item. */
export function StatisticsTable({
  by,
  rows,
  testId,
}: {
  by: DrillDown['by'];
  rows: readonly { group: ReportGroup; name: string }[];
  testId: string;
}) {
  return (
    <div className="mgr-stats-table-box">
      <table className="mgr-stats-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('statistics.table.name')}</th>
            {COUNTS.map((c) => (
              <th scope="col" key={c}>
                {t(`statistics.figure.${c}`)}
              </th>
            ))}
            <th scope="col">{t('statistics.table.meanWait')}</th>
            <th scope="col">{t('statistics.table.p90Wait')}</th>
            <th scope="col">{t('statistics.figure.aboveServiceLevel')}</th>
            <th scope="col">{t('statistics.table.meanService')}</th>
            <th scope="col">{t('statistics.table.rated')}</th>
            <th scope="col">{t('statistics.table.goodShare')}</th>
            <th scope="col">{t('statistics.table.bad')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ group, name }) => {
            const figure = (f: StintFigure, count: number) => (
              <FigureButton by={by} groupKey={group.key} name={name} figure={f} count={count} />
            );
            const rated = group.ratings.requests - group.ratings.notRated;
            return (
              <tr key={group.key} data-testid={`${testId}-row-${group.key}`}>
                <th scope="row">{name}</th>
                {COUNTS.map((c) => (
                  <td key={c} data-figure={c}>
                    {figure(c, countOf(group, c))}
                  </td>
                ))}
                <td data-figure="meanWait">{minutesText(group.tickets.waiting.mean)}</td>
                <td data-figure="p90Wait">{minutesText(group.tickets.waiting.p90)}</td>
                <td data-figure="aboveServiceLevel">
                  {figure('aboveServiceLevel', group.tickets.waiting.aboveServiceLevel)}
                </td>
                <td data-figure="meanService">{minutesText(group.tickets.service.mean)}</td>
                <td data-figure="rated">{rated}</td>
                <td data-figure="goodShare">{percentText(group.ratings.goodShare)}</td>
                <td data-figure="bad" className={group.ratings.bad > 0 ? 'warn' : undefined}>
                  {group.ratings.bad}
                </td>
              </tr>
            );
          })}
          {rows.length === 0 && (
            <tr>
              <td colSpan={17}>{t('statistics.table.none')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
