import { GUIDE_REASON_LABEL } from '@hallq/shared/i18n';
import { emptyPostNames, type FloorWindow, floorTypes, floorWindows } from '../store/slices/floor/selectors';
import { t, useHallTime, useManager, usePerson, useScope } from './manager-context';

/**
 * The live floor of the console's scope: windows, queues against their targets, 空岗; the open guide calls for the
 * manager (they go by zone, not by department).
 */
export function Floor() {
  const { time } = useHallTime();
  const hall = useManager((s) => s.hall);
  const feed = useManager((s) => s.feed);
  const manager = useManager((s) => s.session?.staff.role === 'manager');
  const scope = useScope();
  if (!feed) return <p className="mgr-notice">{t('floor.connecting')}</p>;
  const windows = floorWindows(hall, feed, scope);
  const types = floorTypes(hall, feed, scope);
  const empty = emptyPostNames(hall, feed, scope);
  const department = scope.kind === 'department';

  return (
    <section className="mgr-floor" data-testid="floor">
      {empty.length > 0 && (
        <div className="mgr-empty-post" data-testid="floor-empty-post" role="alert">
          {t('floor.emptyPost', { types: empty.join('、') })}
        </div>
      )}
      {manager && feed.guideCalls.length > 0 && (
        <div className="mgr-guide-calls" data-testid="floor-guide-calls">
          <strong>{t('floor.guideCalls')}</strong>
          {feed.guideCalls.map((c) => (
            <span key={c.id}>
              {c.zone} · {c.kiosk} · {GUIDE_REASON_LABEL[c.reason]} · {time(c.calledAt)}
            </span>
          ))}
        </div>
      )}
      <h2>{t('floor.windows')}</h2>
      {windows.length === 0 && <p className="mgr-notice">{t('floor.noWindows')}</p>}
      <div className="mgr-windows">
        {windows.map((w) => (
          <WindowCard key={w.number} window={w} showServes={department} />
        ))}
      </div>
      <h2>{t(department ? 'floor.queuesDepartment' : 'floor.queuesHall')}</h2>
      <table className="mgr-types">
        <thead>
          <tr>
            <th>{t('floor.type')}</th>
            <th className="num">{t('floor.waiting')}</th>
            <th className="num">{t('floor.longestWait')}</th>
            <th className="num">{t('floor.target')}</th>
            <th>{t('floor.openWindows')}</th>
          </tr>
        </thead>
        <tbody>
          {types.map((q) => (
            <tr
              key={q.code}
              data-testid={`floor-type-${q.code}`}
              className={q.emptyPost ? 'empty-post' : q.overTarget ? 'over-target' : undefined}
            >
              <td>{q.name}</td>
              <td className="num">{q.waiting}</td>
              <td className="num">{t('floor.minutes', { count: q.longestWaitMinutes })}</td>
              <td className="num">
                {q.targetWaitMinutes === null ? '—' : t('floor.minutes', { count: q.targetWaitMinutes })}
              </td>
              <td>
                {q.emptyPost
                  ? t('floor.emptyPostCell')
                  : q.servingWindows.length
                    ? t('floor.windowList', { windows: q.servingWindows.join('、') })
                    : t('floor.none')}
              </td>
            </tr>
          ))}
          {types.length === 0 && (
            <tr>
              <td colSpan={5}>{t('floor.nobodyWaiting')}</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}

/** One window: its state, who holds which post (and who waits to take over), the ticket there now. */
function WindowCard({ window: w, showServes }: { window: FloorWindow; showServes: boolean }) {
  const person = usePerson();
  return (
    <div className={`mgr-window ${w.status}`} data-testid={`floor-window-${w.number}`}>
      <div className="mgr-window-head">
        <strong>{w.name}</strong>
        <span className="mgr-status">{w.statusLabel}</span>
      </div>
      <div data-testid="floor-window-clerk">
        {w.clerk === null
          ? t('floor.noClerk')
          : w.post
            ? t('floor.clerk', { person: person(w.clerk), post: w.post })
            : person(w.clerk)}
      </div>
      {w.incoming && (
        <div className="mgr-incoming">
          {t('floor.incoming', { person: person(w.incoming.clerk), post: w.incoming.post })}
        </div>
      )}
      <div className="mgr-ticket">{w.ticket ?? '—'}</div>
      {showServes && <div className="mgr-serves">{t('floor.serves', { types: w.serves.join('、') })}</div>}
    </div>
  );
}
