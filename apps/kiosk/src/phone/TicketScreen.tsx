import type { HallClient } from '@hallq/shared/client';
import type { TicketStatus } from '@hallq/shared/contracts';
import { Trans, useTranslation } from 'react-i18next';
import type { StatusLink } from './follow-status';
import { GiveUp } from './GiveUp';
import type { PhoneView } from './phone-view';

interface Props {
  token: string;
  client: HallClient;
  view: PhoneView;
  link: StatusLink;
  onGivenUp: (status: TicketStatus) => void;
}

export function TicketScreen({ token, client, view, link, onGivenUp }: Props) {
  const { t } = useTranslation('phone');
  const called = view.scene === 'called';
  return (
    <>
      <section className={called ? 'card ticket called' : 'card ticket'}>
        {/* The page's title: what the citizen opened it for. */}
        <h1 className="label">{t('ticketNumber')}</h1>
        <p className="number" data-testid="phone-number">
          {view.number}
        </p>
        {view.windowTypeName && <p className="window-type">{view.windowTypeName}</p>}
        <p className="valid">{t('validToday')}</p>
      </section>

      {called && view.window !== null && (
        <p className="go-to-window" data-testid="phone-window" role="alert">
          <Trans
            t={t}
            i18nKey="goToWindow"
            values={{ window: view.window }}
            components={{ num: <strong className="window-number" /> }}
          />
        </p>
      )}

      <section className={`card state state-${view.scene}`}>
        <p className="state-text" data-testid="phone-state" data-state={view.scene}>
          {t(`state.${view.scene}`, { day: view.hallDay })}
        </p>
        {view.scene === 'serving' && view.window !== null && (
          <p className="at-window" data-testid="phone-window">
            {t('atWindow', { window: view.window })}
          </p>
        )}
        {view.peopleAhead !== null && (
          <p className="ahead" data-testid="phone-people-ahead" data-count={view.peopleAhead}>
            {t('peopleAhead', { count: view.peopleAhead })}
          </p>
        )}
        {view.peopleAhead !== null && (
          <p className="estimate">
            {view.estimatedWaitMinutes === null ? t('noEstimate') : t('estimate', { count: view.estimatedWaitMinutes })}
          </p>
        )}
      </section>

      {view.canGiveUp && (
        <GiveUp key={view.number} token={token} client={client} number={view.number} onGivenUp={onGivenUp} />
      )}

      <p className={`link link-${link}`} role="status">
        {t(`link.${link}`)}
      </p>
    </>
  );
}
