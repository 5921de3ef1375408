import { useTranslation } from 'react-i18next';
import { windowTypeOf } from '../store/slices/hall/selectors';
import { useLocalized } from '../view/hall-text';
import { useActions, useKiosk } from '../view/kiosk-context';
import { GuideAndHome } from './OutcomeScreens';

/**
 * 刷证取号 ended without a card: why (none placed, taken away mid-read, unreadable, a reader fault, no reader here),
 * the type's per-person rule, and the way on. A reader that cannot read sends the citizen to the guide desk, whose
 * staff may issue the ticket by hand.
 */
export function CardScreen() {
  const { t } = useTranslation('kiosk');
  const notice = useKiosk((s) => (s.screen.name === 'card' ? s.screen.notice : 'no_card'));
  const type = useKiosk((s) => (s.hall ? windowTypeOf(s.hall, s.choice.windowType) : undefined));
  const { takeTicketWithCard } = useActions();
  const local = useLocalized();
  const canRetry = notice !== 'not_fitted' && notice !== 'fault';
  return (
    <section className="screen problem card" data-testid="screen-card" data-notice={notice}>
      <h2 className="screen-title">{t('card.title')}</h2>
      <p className="reason" role="alert">
        {t(`card.notices.${notice}`)}
      </p>
      {type?.perPersonDailyCap !== undefined && (
        <p className="advice">{t('card.advice', { name: local(type.name), count: type.perPersonDailyCap })}</p>
      )}
      {canRetry && (
        <button
          type="button"
          className="btn big primary"
          data-testid="card-retry"
          onClick={() => void takeTicketWithCard()}
        >
          {t('card.retry')}
        </button>
      )}
      <GuideAndHome />
    </section>
  );
}
