import { useTranslation } from 'react-i18next';
import { APPOINTMENT_CODE_DIGITS } from '@hallq/shared/domain';
import { CodeEntry } from '../view/CodeEntry';
import { useActions, useKiosk, useServices } from '../view/kiosk-context';
import { BackButton } from './BackButton';

export function AppointmentScreen() {
  const { t } = useTranslation('kiosk');
  const code = useKiosk((s) => s.appointmentCode);
  const notice = useKiosk((s) => (s.screen.name === 'appointment' ? s.screen.notice : null));
  const actions = useActions();
  const { hasIdCardReader } = useServices();

  return (
    <section className="screen appointment" data-testid="screen-appointment">
      <div className="screen-top">
        <BackButton />
        <h2 className="screen-title">{t('appointment.title')}</h2>
      </div>
      <CodeEntry
        code={code}
        length={APPOINTMENT_CODE_DIGITS}
        testId="appointment-code"
        onDigit={actions.pressDigit}
        onDelete={actions.deleteDigit}
        before={
          <>
            {hasIdCardReader && (
              <button
                type="button"
                className="btn big primary"
                data-testid="appointment-id-card"
                onClick={() => void actions.checkInWithIdCard()}
              >
                {t('appointment.idCard')}
              </button>
            )}
            {notice !== null && (
              <p className="notice warn" role="alert" data-testid="appointment-card-notice" data-notice={notice}>
                {t(`card.notices.${notice}`)} {t('card.orCode')}
              </p>
            )}
            <p className="hint">{t('appointment.prompt', { digits: APPOINTMENT_CODE_DIGITS })}</p>
          </>
        }
        submit={
          <button
            type="button"
            className="btn big primary submit"
            data-testid="appointment-submit"
            disabled={code.length !== APPOINTMENT_CODE_DIGITS}
            onClick={() => void actions.submitAppointmentCode()}
          >
            {t('appointment.submit')}
          </button>
        }
      />
    </section>
  );
}
