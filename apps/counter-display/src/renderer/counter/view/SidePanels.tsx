import type { ClerkSummary } from '@hallq/shared/contracts';
import type { DoorPurpose, FaultReason, RatingResult } from '@hallq/shared/domain';
import { GUIDE_REASON_LABEL } from '@hallq/shared/i18n';
import type { Alerts, QueueRow } from '../store/slices/feed/selectors';
import { ticketMarks } from '../store/slices/feed/selectors';
import type { CounterState } from '../store/types';
import { useActions } from './counter-context';
import { clockTime, formatDuration } from './format';
import { TicketBadges } from './TicketBadges';

const FAULT_LABEL: Record<FaultReason, string> = {
  open_failed: '柜门未能打开',
  open_timeout: '开门无响应',
  close_timeout: '柜门未关闭',
};
const PURPOSE_LABEL: Record<DoorPurpose, string> = { deposit: '存件时', pickup: '取件时', retrieve: '取出时' };

export function AlertList(props: { alerts: Alerts; state: CounterState }) {
  const { alerts, state } = props;
  const { answerGuide } = useActions();
  const online = state.connection === 'connected';
  const zone = state.hall?.timeZone ?? 'Asia/Shanghai';
  const count =
    alerts.guideCalls.length + alerts.emptyPosts.length + alerts.longWaits.length + alerts.lockerFaults.length;
  if (count === 0 && !state.guideError) return null;
  return (
    <section className="alerts" aria-label="提醒">
      {alerts.guideCalls.map((call) => {
        const sending = state.guideAnswers[call.id]?.sending ?? false;
        return (
          <div key={call.id} className="alert guide" data-testid="alert-guide" data-call={call.id}>
            <span>
              <strong>呼叫导办</strong> {call.zone} · {call.kioskName ?? call.kiosk} · {GUIDE_REASON_LABEL[call.reason]}{' '}
              · 已等 {formatDuration(Math.max(0, state.now - Date.parse(call.calledAt)))}（
              {clockTime(call.calledAt, zone)}）
            </span>
            <button
              type="button"
              data-testid="alert-guide-answer"
              disabled={sending || !online}
              onClick={() => void answerGuide(call.id)}
            >
              {sending ? '提交中…' : '我去处理'}
            </button>
          </div>
        );
      })}
      {state.guideError && (
        <div className="alert error" role="alert">
          导办应答未成功：{state.guideError.message}
        </div>
      )}
      {alerts.emptyPosts.map((row) => (
        <div key={row.code} className="alert empty-post" data-testid="alert-empty-post" data-type={row.code}>
          <strong>空岗</strong> {row.name}：{row.waiting} 人等候，没有开放的窗口
        </div>
      ))}
      {alerts.longWaits.map((row) => (
        <div key={row.code} className="alert long-wait" data-testid="alert-long-wait" data-type={row.code}>
          <strong>等候超时</strong> {row.name}：最久已等 {row.longestWaitMinutes} 分钟（目标 {row.targetWaitMinutes}{' '}
          分钟）
        </div>
      ))}
      {alerts.lockerFaults.map(({ locker, compartment: c }) => (
        <div
          key={`${locker.id}/${c.number}`}
          className="alert locker-fault"
          data-testid="alert-locker-fault"
          data-compartment={c.number}
        >
          <span>
            <strong>取件柜故障</strong> {locker.name} {c.number} 号格口：
            {FAULT_LABEL[c.fault?.reason ?? 'open_failed']}（{PURPOSE_LABEL[c.fault?.during ?? 'pickup']}）
            {c.item ? `，办件 ${c.item.caseNumber}（${c.item.applicantName}）仍记在该格口` : ''}
            {'。申请人会被引导到本窗口，处理后请在管理端排除故障。'}
          </span>
        </div>
      ))}
    </section>
  );
}

export function QueueList(props: { rows: QueueRow[]; window: number }) {
  return (
    <section className="queues-card" aria-label="本窗口队列">
      <h2>等候队列</h2>
      {props.rows.map((row) => (
        <div
          key={row.code}
          className={`queue${row.longWait ? ' long' : ''}${row.emptyPost ? ' empty-post' : ''}`}
          data-testid={`queue-${row.code}`}
        >
          <div className="queue-head">
            <span className="queue-name">{row.name}</span>
            <span className="queue-waiting">
              <strong data-testid={`queue-${row.code}-waiting`}>{row.waiting}</strong> 人等候
            </span>
            {row.waiting > 0 && <span className="muted">最久 {row.longestWaitMinutes} 分钟</span>}
          </div>
          <ol className="queue-next">
            {row.next.map((t) => (
              <li key={t.id}>
                <span className="next-number">{t.number}</span>
                <TicketBadges marks={ticketMarks(t, props.window)} />
              </li>
            ))}
            {row.next.length === 0 && <li className="muted">暂无等候</li>}
          </ol>
        </div>
      ))}
    </section>
  );
}

const RATING_LABEL: [RatingResult, string][] = [
  ['very_satisfied', '非常满意'],
  ['satisfied', '满意'],
  ['basically_satisfied', '基本满意'],
  ['dissatisfied', '不满意'],
  ['very_dissatisfied', '非常不满意'],
  ['not_rated', '未评价'],
];

export function SummaryCard(props: { summary: ClerkSummary | null; status: CounterState['summaryStatus'] }) {
  const { summary, status } = props;
  return (
    <section className="summary-card" data-testid="summary" aria-label="今日统计">
      <h2>今日统计</h2>
      {summary ? (
        <>
          <div className="summary-figures">
            <div>
              <strong data-testid="summary-served">{summary.served}</strong>
              <span>已办件</span>
            </div>
            <div>
              <strong>{summary.averageServiceMinutes === null ? '—' : summary.averageServiceMinutes.toFixed(1)}</strong>
              <span>平均办理（分钟）</span>
            </div>
          </div>
          <ul className="ratings">
            {RATING_LABEL.map(([result, label]) => (
              <li key={result} className={result === 'dissatisfied' || result === 'very_dissatisfied' ? 'bad' : ''}>
                <span>{label}</span>
                <strong>{summary.ratings[result] ?? 0}</strong>
              </li>
            ))}
          </ul>
          {status === 'failed' && <p className="muted">未能刷新，显示的是上次的数据</p>}
        </>
      ) : (
        <p className="muted">{status === 'failed' ? '统计暂不可用' : '正在读取…'}</p>
      )}
    </section>
  );
}
