import { useEffect } from 'react';
import { feedLockers } from '../store/slices/lockers/selectors';
import { newestFirst, noticeStage } from '../store/slices/outbox/selectors';
import { useActions, useHallTime, useManager } from './manager-context';
import { RatingUploads } from './RatingUploads';

/**
 * 通知发件箱: the pickup notices the default notifier wrote, standing in for the SMS until a gateway is plugged in.
 * The notice text is the only place a pickup code is shown to staff; the QR payload carries the code too and is not
 * shown. Once the manager has relayed a notice, 已发送 has the server erase it: the outbox keeps the code no longer.
 */
export function Outbox() {
  const { dateTime, time } = useHallTime();
  const entries = useManager((s) => s.outbox);
  const status = useManager((s) => s.outboxStatus);
  const sending = useManager((s) => s.noticeSending);
  const lockers = useManager(feedLockers);
  const { loadOutbox, markNoticeSent } = useActions();
  useEffect(() => {
    void loadOutbox();
  }, [loadOutbox]);
  const lockerName = (id: string) => lockers.find((l) => l.id === id)?.name ?? id;

  return (
    <section className="mgr-outbox" data-testid="outbox">
      <div className="mgr-section-head">
        <h2>通知发件箱（{entries.length}）</h2>
        <button type="button" onClick={() => void loadOutbox()}>
          刷新
        </button>
      </div>
      <p className="mgr-notice">
        尚未接入短信网关：请将通知内容（含取件码）转告取件人，转告后点“已发送”，通知内容随即删除。未标记发送的通知在物品取出后自动删除。
      </p>
      {status === 'failed' && <p className="mgr-error">发件箱加载失败，请点刷新重试</p>}
      {status === 'loaded' && entries.length === 0 && <p className="mgr-notice">没有取件通知</p>}
      <ol className="mgr-outbox-list">
        {newestFirst(entries).map((e) => {
          const stage = noticeStage(e);
          const send = sending[e.id];
          return (
            <li
              key={e.id}
              className={`mgr-outbox-entry${stage === 'live' ? '' : ' erased'}`}
              data-testid="outbox-entry"
              data-item={e.itemId}
              data-erased={String(stage !== 'live')}
              data-sent={String(stage === 'sent')}
            >
              <header>
                <span>{dateTime(e.createdAt)}</span>
                <strong>
                  {lockerName(e.locker)} {e.compartment}号格口
                </strong>
                <span>{e.phone}</span>
                {e.sentAt && <span data-testid="outbox-sent-at">已发送 {time(e.sentAt)}</span>}
                {stage === 'collected' && e.erasedAt && <span>物品取出于 {dateTime(e.erasedAt)}</span>}
              </header>
              <p className="mgr-outbox-text" data-testid="outbox-text">
                {stage === 'live' ? e.text : stage === 'sent' ? '已发送，通知内容已删除' : '已取件，通知内容已删除'}
              </p>
              {stage === 'live' && (
                <div className="mgr-outbox-actions">
                  <button
                    type="button"
                    data-testid="outbox-mark-sent"
                    disabled={send?.sending ?? false}
                    onClick={() => void markNoticeSent(e.id)}
                  >
                    {send?.sending ? '正在提交…' : '已发送'}
                  </button>
                  {send?.error && <span className="mgr-error">{send.error}</span>}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <RatingUploads />
    </section>
  );
}
