import type { IssuedTicket } from '@hallq/shared/contracts';
import { windowTypeOf } from '../store/slices/feed/selectors';
import { useGuide, useWords } from './guide-context';

/**
 * A number the desk took, large for the citizen to read across the desk. It cannot be printed: a browser page has no
 * way to a ticket printer (the kiosk prints through its Electron shell), so the citizen notes or photographs it.
 */
export function TicketCard({ issued, onClose }: { issued: IssuedTicket; onClose(): void }) {
  const { t, name } = useWords();
  const hall = useGuide((s) => s.hall);
  const { ticket, peopleAhead, estimatedWaitMinutes, windows } = issued;
  return (
    <article className="gd-ticket" data-testid="issued-ticket" data-number={ticket.number}>
      <p className="gd-ticket-title">
        {t('ticket.title')}
        {ticket.priority && <span className="gd-badge">{t('ticket.priority')}</span>}
      </p>
      <p className="gd-ticket-number" data-testid="issued-number">
        {ticket.number}
      </p>
      <p className="gd-ticket-type">{name(windowTypeOf(hall, ticket.windowType)?.name, ticket.windowType)}</p>
      <p className="gd-ticket-wait">
        <strong>{t('ticket.ahead', { count: peopleAhead })}</strong>
        <span>
          {estimatedWaitMinutes === null
            ? t('ticket.waitUnknown')
            : t('ticket.wait', { minutes: estimatedWaitMinutes })}
        </span>
      </p>
      {windows.length > 0 && <p>{t('ticket.windows', { windows: windows.join('、') })}</p>}
      <p className="gd-hint">{t('ticket.noPrinter')}</p>
      <button type="button" data-testid="issued-close" onClick={onClose}>
        {t('ticket.close')}
      </button>
    </article>
  );
}
