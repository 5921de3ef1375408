import { type Notice, NoticeStatus, type NoticesResponse } from '@hallq/shared/contracts';
import { useState } from 'react';
import { flushSync } from 'react-dom';
import { newestFirst, totalCount } from '../store/slices/outbox/selectors';
import { useActions, useManager } from './manager-context';
import { SENDER_LABEL, STATUS_LABEL } from './notice-labels';
import { NoticeItem } from './NoticeItem';
import { NoticeSlip } from './NoticeSlip';

const FILTERS: readonly (NoticeStatus | null)[] = [null, ...NoticeStatus.options];

/** The notices newest first, by status, with the sender the hall's settings name and whether it can send now. */
export function Notices() {
  const notices = useManager((s) => s.notices);
  const status = useManager((s) => s.outboxStatus);
  const sender = useManager((s) => s.noticeSender);
  const counts = useManager((s) => s.noticeCounts);
  const filter = useManager((s) => s.noticeFilter);
  const { loadOutbox, filterNotices } = useActions();
  const [slip, setSlip] = useState<Notice | null>(null);

  const print = (notice: Notice) => {
    // The slip must be in the page before the print dialog takes its picture.
    flushSync(() => setSlip(notice));
    window.addEventListener('afterprint', () => setSlip(null), { once: true });
    window.print();
  };
  const countOf = (s: NoticeStatus | null) => (counts ? (s ? counts[s] : totalCount(counts)) : null);
  const listed = countOf(filter);

  return (
    <>
      <div className="mgr-section-head">
        <h2>通知发件箱</h2>
        <button type="button" data-testid="notices-refresh" onClick={() => void loadOutbox()}>
          刷新
        </button>
      </div>
      {sender && <SenderState sender={sender} />}
      <div className="outbox-filters" role="group" aria-label="按状态筛选">
        {FILTERS.map((s) => (
          <button
            key={s ?? 'all'}
            type="button"
            className={s === filter ? 'chosen' : 'secondary'}
            aria-pressed={s === filter}
            data-testid={`notice-filter-${s ?? 'all'}`}
            onClick={() => void filterNotices(s)}
          >
            {s ? STATUS_LABEL[s] : '全部'}
            {countOf(s) !== null && <span className="outbox-count">{countOf(s)}</span>}
          </button>
        ))}
      </div>
      {status === 'failed' && <p className="mgr-error">通知加载失败，请点刷新重试</p>}
      {status === 'loading' && notices.length === 0 && <p className="mgr-notice">正在加载通知…</p>}
      {status === 'loaded' && notices.length === 0 && <p className="mgr-notice">没有通知</p>}
      {status === 'loaded' && listed !== null && listed > notices.length && (
        <p className="mgr-notice">
          共 {listed} 条，列出最新的 {notices.length} 条
        </p>
      )}
      <ol className="outbox-list">
        {newestFirst(notices).map((n) => (
          <NoticeItem key={n.id} notice={n} onPrint={print} />
        ))}
      </ol>
      {slip && <NoticeSlip notice={slip} />}
    </>
  );
}

function SenderState({ sender }: { sender: NoticesResponse['sender'] }) {
  return (
    <p
      className={`outbox-sender${sender.ready ? '' : ' not-ready'}`}
      role={sender.ready ? undefined : 'alert'}
      data-testid="notice-sender"
      data-ready={String(sender.ready)}
    >
      发送方式：<strong>{SENDER_LABEL[sender.kind]}</strong>
      <span>{sender.ready ? '就绪' : '未就绪'}</span>
      {sender.detail && <span>{sender.detail}</span>}
    </p>
  );
}
