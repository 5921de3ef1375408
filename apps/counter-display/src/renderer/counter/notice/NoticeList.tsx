import { noticeText } from '@hallq/shared/i18n';
import { todaysNotices } from '../store/slices/notices/selectors';
import type { CounterState } from '../store/types';
import { useActions } from '../view/counter-context';

/** 今日通知书: the notices this window produced since the panel loaded, newest first, each to print again. */
export function NoticeList(props: { state: CounterState }) {
  const { offerNotice } = useActions();
  const entries = todaysNotices(props.state);
  if (entries.length === 0) return null;
  const busy = props.state.noticeDraft !== null || props.state.dialog !== null;
  return (
    <section className="notices-card" aria-label="今日通知书" data-testid="notice-list">
      <h2>今日通知书</h2>
      <ul>
        {entries.map(({ ticket, kind }) => (
          <li key={ticket.id} data-testid="notice-entry" data-number={ticket.number} data-kind={kind}>
            <span className="next-number">{ticket.number}</span>
            {/* Staff screens are in Chinese: the notice's own title names it. */}
            <span className="notice-kind">{noticeText.zh.title[kind]}</span>
            <button type="button" data-testid="notice-reprint" disabled={busy} onClick={() => offerNotice(ticket.id)}>
              重新打印
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
