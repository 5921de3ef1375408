import { useTranslation } from 'react-i18next';
import { useActions, useKiosk } from './kiosk-context';

export function GuideBanner() {
  const { t } = useTranslation('kiosk');
  const status = useKiosk((s) => s.guide.status);
  const { dismissGuide } = useActions();
  if (status === 'idle') return null;
  const settled = status === 'answered' || status === 'failed';
  return (
    <div className={`guide-banner ${status}`} data-testid="guide-status" data-status={status} role="status">
      <span>{t(`guide.${status}`)}</span>
      {settled && (
        <button type="button" className="btn" data-testid="guide-dismiss" onClick={dismissGuide}>
          {t('guide.dismiss')}
        </button>
      )}
    </div>
  );
}
