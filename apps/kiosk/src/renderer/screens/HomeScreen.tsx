import { useTranslation } from 'react-i18next';
import { useActions, useServices } from '../view/kiosk-context';
import { WindowTypeTiles } from './WindowTypeTiles';

export function HomeScreen() {
  const { t } = useTranslation('kiosk');
  const { openPriority, openAppointment, openPickup } = useActions();
  const { hasLocker } = useServices();
  return (
    <section className="screen home" data-testid="screen-home">
      <div className="home-actions">
        <button type="button" className="btn big priority-btn" data-testid="priority-button" onClick={openPriority}>
          <span className="big-label">{t('home.priority')}</span>
          <span className="sub-label">{t('home.prioritySub')}</span>
        </button>
        <button
          type="button"
          className="btn big appointment-btn"
          data-testid="appointment-button"
          onClick={openAppointment}
        >
          <span className="big-label">{t('home.appointment')}</span>
          <span className="sub-label">{t('home.appointmentSub')}</span>
        </button>
        {hasLocker && (
          <button type="button" className="btn big pickup-btn" data-testid="pickup-button" onClick={openPickup}>
            <span className="big-label">{t('home.pickup')}</span>
            <span className="sub-label">{t('home.pickupSub')}</span>
          </button>
        )}
      </div>
      <h2 className="prompt">{t('home.prompt')}</h2>
      <WindowTypeTiles />
    </section>
  );
}
