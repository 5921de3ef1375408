import type { Ticket } from '@hallq/shared/domain';
import { TICKET_STATE_LABEL } from '@hallq/shared/i18n';
import type { CounterHall } from '../services/client';
import { serviceItemOf, type ServiceTimer } from '../store/slices/desk/selectors';
import { ticketMarks, typeName } from '../store/slices/feed/selectors';
import { clockTime, formatDuration } from './format';
import { TicketBadges } from './TicketBadges';

export function CurrentTicket(props: {
  ticket: Ticket | null;
  hall: CounterHall | null;
  timer: ServiceTimer | null;
  now: number;
}) {
  const { ticket, hall, timer, now } = props;
  if (!ticket) {
    return (
      <div className="current empty" data-testid="current-ticket">
        <p className="current-none">当前无号</p>
        <p className="muted">按 F1 呼叫下一位</p>
      </div>
    );
  }
  const item = serviceItemOf(hall, ticket.serviceItem);
  const zone = hall?.timeZone ?? 'Asia/Shanghai';
  return (
    <div className={`current ${ticket.state}`} data-testid="current-ticket" data-state={ticket.state}>
      <div className="current-head">
        <span className="current-number" data-testid="current-number">
          {ticket.number}
        </span>
        <div className="current-facts">
          <span className="current-state">{TICKET_STATE_LABEL[ticket.state]}</span>
          <span>{typeName(hall, ticket.windowType)}</span>
          <span className="current-item">{item ? item.name.zh : '未选事项'}</span>
          {item && (
            <span className="muted">
              {item.kind === 'promised' ? `承办件 · 承诺 ${item.promisedWorkingDays} 个工作日` : '即办件'}
            </span>
          )}
        </div>
      </div>
      <TicketBadges marks={ticketMarks(ticket, ticket.window ?? undefined)} large />
      <div className="current-times">
        <span>取号 {clockTime(ticket.issuedAt, zone)}</span>
        {ticket.calledAt && (
          <span>
            呼叫 {clockTime(ticket.calledAt, zone)} · 已呼叫 {ticket.calls} 次
          </span>
        )}
        {ticket.state === 'called' && ticket.calledAt && (
          <span>等候到窗 {formatDuration(Math.max(0, now - Date.parse(ticket.calledAt)))}</span>
        )}
      </div>
      {timer && (
        <div className={`timer ${timer.level}`} data-testid="service-timer" data-level={timer.level}>
          <span className="timer-value">{formatDuration(timer.elapsedMs)}</span>
          <span className="timer-target">
            目标 {timer.targetMinutes} 分钟
            {timer.level !== 'ok' && ' · 已超时'}
          </span>
        </div>
      )}
    </div>
  );
}
