import { useTranslation } from 'react-i18next';
import { returnHomeSecondsLeft } from '../store/slices/flow/selectors';
import { serviceItemOf, windowTypeOf } from '../store/slices/hall/selectors';
import { statusUrl } from '../store/slices/ticket/selectors';
import { formatTakenAt } from '../view/format';
import { useLocalized, windowList } from '../view/hall-text';
import { useActions, useKiosk, useServices } from '../view/kiosk-context';
import { QrCode } from '../view/QrCode';

/** Printed: "please take your ticket". On screen (no printer): the whole ticket, to photograph or scan. */
export function TicketScreen() {
  const { t } = useTranslation('kiosk');
  const hall = useKiosk((s) => s.hall);
  const issued = useKiosk((s) => s.issued);
  const printed = useKiosk((s) => s.printed);
  const language = useKiosk((s) => s.language);
  const holder = useKiosk((s) => s.cardHolder);
  const secondsLeft = useKiosk(returnHomeSecondsLeft);
  const { resetSession } = useActions();
  const { origin } = useServices();
  const local = useLocalized();
  if (!hall || !issued) return null;
  const { ticket } = issued;
  const type = windowTypeOf(hall, ticket.windowType);
  const item = serviceItemOf(hall, ticket.serviceItem);

  const number = (
    <p className="ticket-number" data-testid="ticket-number">
      {ticket.number}
    </p>
  );
  const queueFacts = (
    <>
      {holder !== null && (
        <p className="ticket-line" data-testid="ticket-holder">
          {t('card.holder', { name: holder })}
        </p>
      )}
      <p className="ticket-line">{t('ticket.ahead', { count: issued.peopleAhead })}</p>
      {issued.estimatedWaitMinutes !== null && issued.estimatedWaitMinutes > 0 && (
        <p className="ticket-line">{t('ticket.waitMinutes', { minutes: issued.estimatedWaitMinutes })}</p>
      )}
      {issued.windows.length > 0 && (
        <p className="ticket-line">{t('ticket.windows', { windows: windowList(issued.windows, language) })}</p>
      )}
    </>
  );
  const done = (
    <button type="button" className="btn big primary" data-testid="ticket-done" onClick={resetSession}>
      {t('ticket.done')}
      {secondsLeft !== null && <span className="sub-label"> · {t('ticket.returnHome', { count: secondsLeft })}</span>}
    </button>
  );

  if (printed) {
    return (
      <section className="screen ticket printed" data-testid="screen-ticket" data-mode="printed">
        <h2 className="screen-title take">
          <span aria-hidden="true">⬇ </span>
          {t('ticket.take')}
        </h2>
        <p className="hint">{t('ticket.yourNumber')}</p>
        {number}
        {queueFacts}
        {done}
      </section>
    );
  }

  return (
    <section className="screen ticket on-screen" data-testid="screen-ticket" data-mode="screen">
      <div className="ticket-card">
        <div className="ticket-main">
          <p className="ticket-hall">{local(hall.name)}</p>
          <p className="ticket-type">{t('ticket.windowType', { name: type ? local(type.name) : ticket.windowType })}</p>
          {item && (
            <p className="ticket-item" data-testid="ticket-item">
              {t('ticket.serviceItem', { name: local(item.name) })}
              {/* With the Chinese name too: it is what the clerk and the hall's signs use. */}
              {local(item.name) !== item.name.zh && (
                <span className="ticket-item-zh" lang="zh-CN">
                  {item.name.zh}
                </span>
              )}
            </p>
          )}
          {ticket.priority && <p className="ticket-priority">{t('ticket.priority')}</p>}
          {number}
          {queueFacts}
        </div>
        <div className="ticket-side">
          <p className="ticket-line" data-testid="ticket-taken-at">
            {t('ticket.takenAt', { time: formatTakenAt(ticket.issuedAt, hall.timeZone, language) })}
          </p>
          <p className="ticket-valid">{t('ticket.validToday')}</p>
          <div className="ticket-qr-row">
            <QrCode url={statusUrl(hall, issued, origin)} label={t('ticket.photo')} />
            <p className="hint">{t('ticket.photo')}</p>
          </div>
          {item && item.materials.length > 0 && (
            <>
              <h3 className="section-title">{t('ticket.materials')}</h3>
              <ol className="materials">
                {item.materials.map((m, i) => (
                  <li key={i}>{local(m)}</li>
                ))}
              </ol>
            </>
          )}
        </div>
      </div>
      {done}
    </section>
  );
}
