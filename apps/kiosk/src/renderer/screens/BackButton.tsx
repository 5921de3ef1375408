import { useTranslation } from 'react-i18next';
import { useActions } from '../view/kiosk-context';

export function BackButton() {
  const { t } = useTranslation('kiosk');
  const { back } = useActions();
  return (
    <button type="button" className="btn back-btn" data-testid="back" onClick={back}>
      ‹ {t('header.back')}
    </button>
  );
}
