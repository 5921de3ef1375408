import { useTranslation } from 'react-i18next';
import { LanguageButtons } from './LanguageButtons';

/**
 * Over the whole screen while the server cannot be reached: a citizen must not queue at tiles that cannot give a
 * ticket. The languages stay at hand, so a citizen who reads no Chinese learns what to do too.
 */
export function OfflineNotice() {
  const { t } = useTranslation('kiosk');
  return (
    <section className="offline-notice" role="alert" data-testid="offline-notice">
      {/* The page's one h1 is the hall's name in the header, under this notice. */}
      <h2 className="offline-title">{t('offline.title')}</h2>
      <p className="offline-advice">{t('offline.advice')}</p>
      <p className="offline-recovers">{t('offline.recovers')}</p>
      <LanguageButtons />
    </section>
  );
}
