import { useEffect } from 'react';
import { feedLockers } from '../store/slices/lockers/selectors';
import { newestFirst } from '../store/slices/outbox/selectors';
import { useActions, useHallTime, useManager } from './manager-context';

/**
 * 通知发件箱: the pickup notices the default notifier wrote, standing in for the SMS until a gateway is plugged in.
 * The notice text is the only place a pickup code is shown to staff; the QR payload carries the code too and is not
 * shown.
 */
export function Outbox() {
  const { dateTime } = useHallTime();
  const entries = useManager((s) => s.outbox);
  const status = useManager((s) => s.outboxStatus);
  const lockers = useManager(feedLockers);
  const { loadOutbox } = useActions();
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
      <p className="mgr-notice">尚未接入短信网关：请将通知内容（含取件码）转告取件人。物品取出后，通知内容自动删除。</p>
      {status === 'failed' && <p className="mgr-error">发件箱加载失败，请点刷新重试</p>}
      {status === 'loaded' && entries.length === 0 && <p className="mgr-notice">没有取件通知</p>}
      <ol className="mgr-outbox-list">
        {newestFirst(entries).map((e) => {
          const erased = e.erasedAt !== null;
          return (
            <li
              key={e.id}
              className={`mgr-outbox-entry${erased ? ' erased' : ''}`}
              data-testid="outbox-entry"
              data-item={e.itemId}
              data-erased={String(erased)}
            >
              <header>
                <span>{dateTime(e.createdAt)}</span>
                <strong>
                  {lockerName(e.locker)} {e.compartment}号格口
                </strong>
                <span>{e.phone}</span>
                {e.erasedAt && <span>物品取出于 {dateTime(e.erasedAt)}</span>}
              </header>
              <p className="mgr-outbox-text" data-testid="outbox-text">
                {erased ? '已取件，通知内容已删除' : e.text}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
