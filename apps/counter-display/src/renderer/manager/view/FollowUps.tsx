import type { FollowUp } from '@hallq/shared/contracts';
import type { RatingResult } from '@hallq/shared/domain';
import { type FormEvent, useState } from 'react';
import { deadlineStatus, sortedFollowUps } from '../store/slices/followups/selectors';
import { useActions, useHallTime, useManager } from './manager-context';

const RESULT_LABEL: Record<RatingResult, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
  not_rated: '未评价',
};
const STATUS_LABEL = { open: '待分派', assigned: '处理中', closed: '已办结' } as const;
const DEADLINE_LABEL = { overdue: '已逾期', today: '今日到期', later: '' } as const;

/** Open bad-rating follow-ups (差评回访整改), most urgent first. */
export function FollowUps() {
  const followUps = useManager((s) => s.followUps);
  const status = useManager((s) => s.followUpsStatus);
  const { loadFollowUps } = useActions();
  return (
    <section className="mgr-followups" data-testid="followups">
      <div className="mgr-section-head">
        <h2>差评回访（{followUps.length}）</h2>
        <button type="button" onClick={() => void loadFollowUps()}>
          刷新
        </button>
      </div>
      {status === 'failed' && <p className="mgr-error">回访列表加载失败，请点刷新重试</p>}
      {status === 'loaded' && followUps.length === 0 && <p className="mgr-notice">没有待处理的差评回访</p>}
      {sortedFollowUps(followUps).map((f) => (
        <FollowUpCard key={f.id} followUp={f} />
      ))}
    </section>
  );
}

function FollowUpCard({ followUp: f }: { followUp: FollowUp }) {
  const { dateTime } = useHallTime();
  const hallDay = useManager((s) => s.feed?.hallDay ?? f.rating.hallDay);
  const hall = useManager((s) => s.hall);
  const busy = useManager((s) => s.busy[f.id]);
  const error = useManager((s) => s.errors[f.id]);
  const due = deadlineStatus(f.deadline, hallDay);
  const { reason } = f.rating;
  const reasonText = reason
    ? [
        reason.code === 'other'
          ? '其他'
          : (hall?.ratingReasons.find((r) => r.code === reason.code)?.name.zh ?? reason.code),
        reason.text,
      ]
        .filter(Boolean)
        .join('：')
    : '—';

  return (
    <article className="mgr-followup" data-testid={`followup-${f.id}`}>
      <header>
        <strong className={`mgr-result ${f.rating.result}`}>{RESULT_LABEL[f.rating.result]}</strong>
        <span>
          {f.rating.ticketNumber} · {f.rating.window}号窗口 · 工号 {f.rating.clerk ?? '—'} ·{' '}
          {dateTime(f.rating.recordedAt)}
        </span>
        <span className="mgr-status">{STATUS_LABEL[f.status]}</span>
      </header>
      <p>原因：{reasonText}</p>
      <p>
        <span className={`mgr-deadline ${due}`} data-testid="followup-deadline">
          期限 {f.deadline} {DEADLINE_LABEL[due]}
        </span>
        <span className="mgr-assignee">负责人：{f.assignee ?? '未分派'}</span>
      </p>
      {f.notes.length > 0 && (
        <ul className="mgr-notes">
          {f.notes.map((n) => (
            <li key={`${n.at}-${n.by}`}>
              {dateTime(n.at)} {n.by}
              {n.calledBack && <strong>［已回访］</strong>}：{n.text}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="mgr-error" role="alert">
          {Object.values(error.fields).join('；') || error.message}
        </p>
      )}
      <div className="mgr-actions">
        <AssignForm id={f.id} busy={busy !== undefined} />
        <NoteForm id={f.id} busy={busy !== undefined} />
        <CloseForm id={f.id} busy={busy !== undefined} />
      </div>
    </article>
  );
}

function AssignForm({ id, busy }: { id: string; busy: boolean }) {
  const [staffId, setStaffId] = useState('');
  const { assignFollowUp } = useActions();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await assignFollowUp(id, staffId)) setStaffId('');
  };
  return (
    <form data-testid="followup-assign" onSubmit={(e) => void submit(e)}>
      <input
        name="staffId"
        placeholder="分派给（工号，如 z01）"
        value={staffId}
        onChange={(e) => setStaffId(e.target.value)}
      />
      <button type="submit" disabled={busy || !staffId.trim()}>
        分派
      </button>
    </form>
  );
}

function NoteForm({ id, busy }: { id: string; busy: boolean }) {
  const [text, setText] = useState('');
  const [calledBack, setCalledBack] = useState(false);
  const { noteFollowUp } = useActions();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await noteFollowUp(id, text, calledBack)) {
      setText('');
      setCalledBack(false);
    }
  };
  return (
    <form data-testid="followup-note" onSubmit={(e) => void submit(e)}>
      <input name="text" placeholder="处理记录" value={text} onChange={(e) => setText(e.target.value)} />
      <label>
        <input
          type="checkbox"
          name="calledBack"
          checked={calledBack}
          onChange={(e) => setCalledBack(e.target.checked)}
        />
        已回访
      </label>
      <button type="submit" disabled={busy || !text.trim()}>
        记录
      </button>
    </form>
  );
}

function CloseForm({ id, busy }: { id: string; busy: boolean }) {
  const [resolution, setResolution] = useState('');
  const { closeFollowUp } = useActions();
  return (
    <form
      data-testid="followup-close"
      onSubmit={(e) => {
        e.preventDefault();
        void closeFollowUp(id, resolution);
      }}
    >
      <input
        name="resolution"
        placeholder="整改结果（办结时填写）"
        value={resolution}
        onChange={(e) => setResolution(e.target.value)}
      />
      <button type="submit" disabled={busy || !resolution.trim()}>
        办结
      </button>
    </form>
  );
}
