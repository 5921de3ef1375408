import type { Notice } from '@hallq/shared/contracts';
import { createPortal } from 'react-dom';
import { useHallTime, useManager } from './manager-context';
import { KIND_LABEL } from './notice-labels';

/**
 * The slip the window's clerk phones from: a layer straight under <body>, hidden on screen and, while printing, the
 * only thing shown (outbox.css), so the console never reaches the paper.
 */
export function NoticeSlip({ notice }: { notice: Notice }) {
  const { dateTime } = useHallTime();
  const hallName = useManager((s) => s.hall?.name.zh);
  return createPortal(
    <div className="outbox-print" data-testid="notice-slip">
      <article className="outbox-slip">
        <h1>
          {KIND_LABEL[notice.kind]}（窗口电话转达）{hallName && <small>{hallName}</small>}
        </h1>
        <p>事项：{notice.subject}</p>
        <p>
          电话：<strong>{notice.phone}</strong>
        </p>
        <p className="outbox-slip-text">{notice.text}</p>
        <p className="outbox-slip-foot">
          生成于 {dateTime(notice.createdAt)}。电话告知后，在通知发件箱中标记“已转达”，通知内容随即删除。
        </p>
      </article>
    </div>,
    document.body,
  );
}
