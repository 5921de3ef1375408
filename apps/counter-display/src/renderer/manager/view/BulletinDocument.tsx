import type { Bulletin, PublicHall } from '@hallq/shared/contracts';
import { followUpCounts, hallName, totalLines, windowLines } from '../store/slices/bulletin/selectors';
import { changeText, figure, issuedOn, minutes, share } from './bulletin-format';
import { BulletinIncidents } from './BulletinIncidents';
import { t, useManager } from './manager-context';

/** The heading: 2026年11月 政务服务大厅运行情况通报, or a chief representative's department's. */
function title(bulletin: Bulletin, hall: PublicHall): string {
  const [year, month] = bulletin.month.split('-').map(Number);
  return bulletin.scope.kind === 'department'
    ? t('bulletin.titleDepartment', { year, month, department: hallName(hall.departments, bulletin.scope.department) })
    : t('bulletin.title', { year, month });
}

/**
 * The bulletin as printed on A4: the totals beside last month, the departments and windows against their targets,
 * the ranking, then 好差评, 空岗 and 考勤异常 (BulletinIncidents), and the call for answers within 5 working days.
 */
export function BulletinDocument() {
  const bulletin = useManager((s) => s.bulletin);
  const hall = useManager((s) => s.hall);
  if (!bulletin || !hall) return null;
  const current = bulletin.totals.current;
  const col = (key: string) => t(`bulletin.column.${key}`);

  return (
    <article className="bulletin-doc" data-testid="bulletin-document">
      <header className="bulletin-head">
        <p className="bulletin-hall">{hall.name.zh}</p>
        <h1 data-testid="bulletin-title">{title(bulletin, hall)}</h1>
        <p className="bulletin-period">{t('bulletin.period', { from: bulletin.from, to: bulletin.to })}</p>
      </header>

      <h2>{t('bulletin.section.totals')}</h2>
      {current === null && <p>{t('bulletin.noWork')}</p>}
      <table className="bulletin-table bulletin-narrow" data-testid="bulletin-totals">
        <thead>
          <tr>
            <th>{col('figure')}</th>
            <th>{col('current')}</th>
            <th>{col('previous')}</th>
            <th>{col('change')}</th>
          </tr>
        </thead>
        <tbody>
          {totalLines(bulletin).map((line) => (
            <tr key={line.key}>
              <th scope="row">{t(`bulletin.total.${line.key}`)}</th>
              <td>{figure(line.current, line.unit)}</td>
              <td>{figure(line.previous, line.unit)}</td>
              <td className={`bulletin-change bulletin-${line.change?.direction ?? 'none'}`}>
                {changeText(line.change)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('bulletin.section.departments')}</h2>
      <table className="bulletin-table">
        <thead>
          <tr>
            <th>{col('department')}</th>
            <th>{col('issued')}</th>
            <th>{col('served')}</th>
            <th>{col('meanWait')}</th>
            <th>{col('aboveServiceLevel')}</th>
            <th>{col('meanService')}</th>
            <th>{col('ratedShare')}</th>
            <th>{col('goodShare')}</th>
            <th>{col('bad')}</th>
          </tr>
        </thead>
        <tbody>
          {bulletin.departments.map((g) => (
            <tr key={g.key}>
              <th scope="row">{hallName(hall.departments, g.key)}</th>
              <td>{g.tickets.issued}</td>
              <td>{g.tickets.served}</td>
              <td>{minutes(g.tickets.waiting.mean)}</td>
              <td>{g.tickets.waiting.aboveServiceLevel}</td>
              <td>{minutes(g.tickets.service.mean)}</td>
              <td>{share(g.ratings.ratedShare)}</td>
              <td>{share(g.ratings.goodShare)}</td>
              <td>{g.ratings.bad}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('bulletin.section.windows')}</h2>
      <table className="bulletin-table" data-testid="bulletin-windows">
        <thead>
          <tr>
            <th>{col('window')}</th>
            <th>{col('department')}</th>
            <th>{col('windowType')}</th>
            <th>{col('served')}</th>
            <th>{col('meanWait')}</th>
            <th>{col('waitTarget')}</th>
            <th>{col('meanService')}</th>
            <th>{col('serviceTarget')}</th>
            <th>{col('goodShare')}</th>
            <th>{col('bad')}</th>
          </tr>
        </thead>
        <tbody>
          {windowLines(bulletin, hall).map((w) => (
            <tr key={w.number}>
              <th scope="row">{t('bulletin.windowName', { number: w.number })}</th>
              <td className="bulletin-text bulletin-wrap">{hallName(hall.departments, w.department)}</td>
              <td className="bulletin-text">{hallName(hall.windowTypes, w.windowType)}</td>
              <td>{w.group.tickets.served}</td>
              <td className={w.waitOver ? 'bulletin-over' : undefined}>{minutes(w.group.tickets.waiting.mean)}</td>
              <td>{figure(w.waitTarget, 'count')}</td>
              <td className={w.serviceOver ? 'bulletin-over' : undefined}>{minutes(w.group.tickets.service.mean)}</td>
              <td>{minutes(w.serviceTarget)}</td>
              <td>{share(w.group.ratings.goodShare)}</td>
              <td>{w.group.ratings.bad}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('bulletin.section.ranking')}</h2>
      <table className="bulletin-table bulletin-narrow">
        <thead>
          <tr>
            <th>{col('rank')}</th>
            <th>{col('window')}</th>
            <th>{col('served')}</th>
            <th>{col('goodShare')}</th>
            <th>{col('meanWait')}</th>
          </tr>
        </thead>
        <tbody>
          {bulletin.ranking.map((r) => (
            <tr key={r.window}>
              <td>{r.rank}</td>
              <th scope="row">{t('bulletin.windowName', { number: r.window })}</th>
              <td>{r.served}</td>
              <td>{share(r.goodShare)}</td>
              <td>{minutes(r.meanWaitMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('bulletin.section.ratings')}</h2>
      {current && (
        <p data-testid="bulletin-ratings-summary">
          {t('bulletin.ratingsSummary', {
            requests: current.ratings.requests,
            ratedShare: share(current.ratings.ratedShare),
            goodShare: share(current.ratings.goodShare),
            bad: current.ratings.bad,
            ...followUpCounts(current),
          })}
        </p>
      )}
      <BulletinIncidents />

      <footer className="bulletin-foot">
        <p className="bulletin-closing">{t('bulletin.closing')}</p>
        <p className="bulletin-sign">{t('bulletin.issuedBy', { hall: hall.name.zh })}</p>
        <p className="bulletin-sign">{issuedOn(new Date(), hall.timeZone)}</p>
      </footer>
    </article>
  );
}
