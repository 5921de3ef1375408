import type { Notice } from '@hallq/shared/contracts';
import { noticeActions, printable } from '../store/slices/outbox/selectors';
import { useActions, useHallTime, useManager } from './manager-context';
import { ACTION_LABEL, KIND_LABEL, SENDER_LABEL, STATUS_LABEL } from './notice-labels';

/**
 * One notice: what it is about, to which phone, its text while kept (a pickup code is shown to staff only here), how
 * its sending went, and what the manager may still do to it.
 */
export function NoticeItem({ notice, onPrint }: { notice: Notice; onPrint(notice: Notice): void }) {
  const { dateTime } = useHallTime();
  const request = useManager((s) => s.noticeRequests[notice.id]);
  const { actOnNotice } = useActions();
  const actions = noticeActions(notice);
  const canPrint = printable(notice);

  return (
    <li className="outbox-item" data-testid="notice" data-id={notice.id} data-status={notice.status}>
      <header>
        <span className={`outbox-badge ${notice.status}`} data-testid="notice-status">
          {STATUS_LABEL[notice.status]}
        </span>
        <strong>{KIND_LABEL[notice.kind]}</strong>
        <span>{notice.subject}</span>
        <span className="outbox-phone" data-testid="notice-phone">
          {notice.phone}
        </span>
        <span className="outbox-via">经{SENDER_LABEL[notice.sender]}</span>
      </header>
      <p className={`outbox-text${notice.text === null ? ' erased' : ''}`} data-testid="notice-text">
        {notice.text ?? '已删除'}
      </p>
      <p className="outbox-times">
        <span>生成 {dateTime(notice.createdAt)}</span>
        {notice.sentAt && <span>发出 {dateTime(notice.sentAt)}</span>}
        {notice.deliveredAt && <span>送达 {dateTime(notice.deliveredAt)}</span>}
        {notice.attempts > 0 && <span>已尝试 {notice.attempts} 次</span>}
        {notice.nextAttemptAt && <span>下次尝试 {dateTime(notice.nextAttemptAt)}</span>}
      </p>
      {notice.lastError && (
        <p className="outbox-last-error" data-testid="notice-last-error">
          最近一次失败：{notice.lastError}
        </p>
      )}
      {(actions.length > 0 || canPrint) && (
        <div className="outbox-actions">
          {canPrint && (
            <button type="button" data-testid="notice-print" onClick={() => onPrint(notice)}>
              打印
            </button>
          )}
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className="secondary"
              data-testid={`notice-${action}`}
              disabled={request?.sending ?? false}
              onClick={() => void actOnNotice(notice.id, action)}
            >
              {request?.sending && request.action === action ? '正在提交…' : ACTION_LABEL[action]}
            </button>
          ))}
          {request?.error && (
            <span className="mgr-error" role="alert" data-testid="notice-error">
              {request.error}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
