import { CITIZEN_LANGUAGES, localized } from '@hallq/shared/i18n';
import { useTranslation } from 'react-i18next';
import { useActions, usePad } from './pad-context';

/** Hall name, connection trouble and the language switch, on every screen. */
export function PadHeader() {
  const { t } = useTranslation('rating');
  const hall = usePad((s) => s.hall);
  const language = usePad((s) => s.language);
  const connection = usePad((s) => s.connection);
  const { setLanguage } = useActions();
  const offered = CITIZEN_LANGUAGES.filter((l) => l === 'zh' || (hall?.languages.includes(l) ?? true));

  return (
    <header className="pad-header">
      <div className="pad-hall">{hall ? localized(hall.name, language) : ''}</div>
      {connection === 'disconnected' && <div className="pad-offline">{t('status.reconnecting')}</div>}
      <div className="pad-langs" role="group">
        {offered.map((l) => (
          <button
            key={l}
            type="button"
            lang={l}
            className={l === language ? 'pad-btn lang current' : 'pad-btn lang'}
            data-testid={`lang-${l}`}
            aria-pressed={l === language}
            onClick={() => setLanguage(l)}
          >
            {t(`language.${l}`)}
          </button>
        ))}
      </div>
    </header>
  );
}
