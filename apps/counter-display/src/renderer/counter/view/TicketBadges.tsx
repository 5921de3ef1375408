import type { TicketMarks } from '../store/slices/feed/selectors';

export function TicketBadges(props: { marks: TicketMarks; large?: boolean }) {
  const { priority, transfer, appointment } = props.marks;
  if (!priority && !transfer && !appointment) return null;
  return (
    <span className={props.large ? 'badges large' : 'badges'}>
      {priority && <span className="badge priority">优先·{priority}</span>}
      {transfer && (
        <span className="badge transfer" title={transfer.note ?? undefined}>
          转自{transfer.fromWindow}号窗{transfer.toThisWindow ? '·指定本窗' : ''}
          {props.large && transfer.note ? `：${transfer.note}` : ''}
        </span>
      )}
      {appointment && <span className="badge appointment">预约</span>}
    </span>
  );
}
