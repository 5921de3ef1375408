import type { HallClient } from '@hallq/shared/client';
import type { PublicHall, TicketStatus } from '@hallq/shared/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { followStatus, type StatusLink } from './follow-status';
import { currentLanguage, readChosenLanguage, showLanguage } from './language';
import { LanguageSwitch } from './LanguageSwitch';
import { CALL_VIBRATION, pageLanguage, phoneView, shouldVibrate } from './phone-view';
import { openStatusSocket } from './status-socket';
import { TicketScreen } from './TicketScreen';

export function PhoneApp({ token, client }: { token: string | null; client: HallClient }) {
  const { t, i18n } = useTranslation('phone');
  const [status, setStatus] = useState<TicketStatus | null>(null);
  const [notFound, setNotFound] = useState(token === null);
  const [link, setLink] = useState<StatusLink>('polling');
  const [hall, setHall] = useState<PublicHall | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const last = useRef<TicketStatus | null>(null);

  const receive = useCallback(
    (next: TicketStatus) => {
      if (shouldVibrate(last.current, next) && 'vibrate' in navigator) navigator.vibrate(CALL_VIBRATION);
      // The first word from the server says which language the ticket was taken in: the page opens in it.
      if (last.current === null) showLanguage(i18n, pageLanguage(readChosenLanguage(token), next.language));
      last.current = next;
      setStatus(next);
    },
    [i18n, token],
  );

  useEffect(() => {
    if (token === null) return;
    // Both only refine the page (the type's name, a stale ticket); it works without them.
    client.call('hall').then(setHall, () => {});
    // The hall's day by the server's clock: a phone's own clock may be wrong.
    client.call('health').then(
      ({ hallDay }) => setToday(hallDay),
      () => {},
    );
    return followStatus({
      openSocket: () => openStatusSocket(token),
      fetchStatus: () => client.call('ticketStatus', { params: { token } }),
      onStatus: receive,
      onLink: setLink,
      onNotFound: () => setNotFound(true),
    });
  }, [token, client, receive]);

  return (
    <main className="phone">
      <LanguageSwitch token={token} />
      {notFound || token === null ? (
        <section className="card not-found" data-testid="phone-state" data-state="not_found">
          <h1>{t('notFound.title')}</h1>
          <p>{t('notFound.body')}</p>
        </section>
      ) : status === null ? (
        <p className="loading">{t('loading')}</p>
      ) : (
        <TicketScreen
          token={token}
          client={client}
          view={phoneView(status, today, hall, currentLanguage(i18n))}
          link={link}
          onGivenUp={receive}
        />
      )}
    </main>
  );
}
