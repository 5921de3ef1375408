import { useTranslation } from 'react-i18next';
import { guideBanner } from '../store/slices/guide/selectors';
import { useActions, useKiosk } from './kiosk-context';

export function GuideBanner() {
  const { t } = useTranslation('kiosk');
  const guide = useKiosk((s) => s.guide);
  const { dismissGuide } = useActions();
  if (guide.status === 'idle') return null;
  const settled = guide.status === 'answered' || guide.status === 'failed';
  const { key, name } = guideBanner(guide);
  return (
    <div className={`guide-banner ${guide.status}`} data-testid="guide-status" data-status={guide.status} role="status">
      <span>{t(key, { name })}</span>
      {settled && (
        <button type="button" className="btn" data-testid="guide-dismiss" onClick={dismissGuide}>
          {t('guide.dismiss')}
        </button>
      )}
    </div>
  );
}
