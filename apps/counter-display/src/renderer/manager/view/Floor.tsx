import { GUIDE_REASON_LABEL } from '@hallq/shared/i18n';
import { emptyPostNames, floorTypes, floorWindows } from '../store/slices/floor/selectors';
import { useHallTime, useManager } from './manager-context';

/** The live floor: windows, queues against their targets, 空岗 and open guide calls. */
export function Floor() {
  const { time } = useHallTime();
  const hall = useManager((s) => s.hall);
  const feed = useManager((s) => s.feed);
  if (!feed) return <p className="mgr-notice">正在连接大厅实时数据…</p>;
  const windows = floorWindows(hall, feed);
  const types = floorTypes(hall, feed).filter((t) => t.waiting > 0 || t.emptyPost);
  const empty = emptyPostNames(hall, feed);

  return (
    <section className="mgr-floor">
      {empty.length > 0 && (
        <div className="mgr-empty-post" data-testid="floor-empty-post" role="alert">
          空岗：{empty.join('、')} 有人等候，但没有开放的窗口
        </div>
      )}
      {feed.guideCalls.length > 0 && (
        <div className="mgr-guide-calls" data-testid="floor-guide-calls">
          <strong>呼叫导办</strong>
          {feed.guideCalls.map((c) => (
            <span key={c.id}>
              {c.zone} · {c.kiosk} · {GUIDE_REASON_LABEL[c.reason]} · {time(c.calledAt)}
            </span>
          ))}
        </div>
      )}
      <h2>窗口</h2>
      <div className="mgr-windows">
        {windows.map((w) => (
          <div key={w.number} className={`mgr-window ${w.status}`} data-testid={`floor-window-${w.number}`}>
            <div className="mgr-window-head">
              <strong>{w.name}</strong>
              <span className="mgr-status">{w.statusLabel}</span>
            </div>
            <div>{w.clerk ? `${w.clerk}${w.post === 'B' ? '（B岗）' : ''}` : '无人在岗'}</div>
            <div className="mgr-ticket">{w.ticket ?? '—'}</div>
          </div>
        ))}
      </div>
      <h2>排队（有人等候的业务）</h2>
      <table className="mgr-types">
        <thead>
          <tr>
            <th>业务类型</th>
            <th>等候</th>
            <th>最长等待</th>
            <th>目标</th>
            <th>开放窗口</th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => (
            <tr
              key={t.code}
              data-testid={`floor-type-${t.code}`}
              className={t.emptyPost ? 'empty-post' : t.overTarget ? 'over-target' : undefined}
            >
              <td>{t.name}</td>
              <td className="num">{t.waiting}</td>
              <td className="num">{t.longestWaitMinutes} 分钟</td>
              <td className="num">{t.targetWaitMinutes === null ? '—' : `${t.targetWaitMinutes} 分钟`}</td>
              <td>{t.emptyPost ? '空岗' : t.servingWindows.length ? `${t.servingWindows.join('、')}号` : '无'}</td>
            </tr>
          ))}
          {types.length === 0 && (
            <tr>
              <td colSpan={5}>现在没有人等候</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
