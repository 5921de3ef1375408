import { hallName } from '../store/slices/bulletin/selectors';
import { minutes } from './bulletin-format';
import { t, useHallTime, useManager, usePerson } from './manager-context';

/** The bulletin's incidents: each 差评 with its follow-up's state, each 空岗, and the clerks away from their post. */
export function BulletinIncidents() {
  const bulletin = useManager((s) => s.bulletin);
  const emptyPosts = useManager((s) => s.bulletinEmptyPosts);
  const hall = useManager((s) => s.hall);
  const person = usePerson();
  const { time } = useHallTime();
  if (!bulletin || !hall) return null;
  const col = (key: string) => t(`bulletin.column.${key}`);
  const items = (codes: readonly string[]) => codes.map((c) => hallName(hall.serviceItems, c)).join('、') || '—';

  return (
    <>
      {bulletin.badRatings.length === 0 ? (
        <p>{t('bulletin.noBad')}</p>
      ) : (
        <table className="bulletin-table" data-testid="bulletin-bad">
          <thead>
            <tr>
              <th>{col('day')}</th>
              <th>{col('window')}</th>
              <th>{col('clerk')}</th>
              <th>{col('windowType')}</th>
              <th>{col('item')}</th>
              <th>{col('level')}</th>
              <th>{col('followUp')}</th>
            </tr>
          </thead>
          <tbody>
            {bulletin.badRatings.map((b, i) => (
              <tr key={i}>
                <td className="bulletin-text">{b.day}</td>
                <td className="bulletin-text">
                  {b.window === null ? '—' : t('bulletin.windowName', { number: b.window })}
                </td>
                <td className="bulletin-text">{b.clerk === null ? '—' : person(b.clerk)}</td>
                <td className="bulletin-text">{hallName(hall.windowTypes, b.windowType)}</td>
                <td className="bulletin-text bulletin-wrap">{items(b.items)}</td>
                <td className="bulletin-text">{t(`level.${b.level}`)}</td>
                <td className={`bulletin-followup bulletin-${b.followUp}`}>{t(`bulletin.followUp.${b.followUp}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('bulletin.section.emptyPosts')}</h2>
      <p data-testid="bulletin-empty-posts">
        {bulletin.emptyPosts.count === 0
          ? t('bulletin.noEmptyPosts')
          : t('bulletin.emptyPostsSummary', { count: bulletin.emptyPosts.count, minutes: bulletin.emptyPosts.minutes })}
      </p>
      {emptyPosts.length > 0 && (
        <table className="bulletin-table bulletin-narrow">
          <thead>
            <tr>
              <th>{col('day')}</th>
              <th>{col('windowType')}</th>
              <th>{col('from')}</th>
              <th>{col('to')}</th>
              <th>{col('minutes')}</th>
            </tr>
          </thead>
          <tbody>
            {emptyPosts.map((e) => (
              <tr key={`${e.windowType}-${e.from}`}>
                <td className="bulletin-text">{e.day}</td>
                <td className="bulletin-text">{hallName(hall.windowTypes, e.windowType)}</td>
                <td>{time(e.from)}</td>
                <td>{time(e.to)}</td>
                <td>{minutes(e.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t('bulletin.section.away')}</h2>
      {bulletin.away.length === 0 ? (
        <p>{t('bulletin.noAway')}</p>
      ) : (
        <table className="bulletin-table bulletin-narrow">
          <thead>
            <tr>
              <th>{col('clerk')}</th>
              <th>{col('awayMinutes')}</th>
            </tr>
          </thead>
          <tbody>
            {bulletin.away.map((a) => (
              <tr key={a.clerk}>
                <td className="bulletin-text">{person(a.clerk)}</td>
                <td>{minutes(a.minutes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
