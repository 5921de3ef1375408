import { useTranslation } from 'react-i18next';
import { availableLanguages } from '../store/slices/hall/selectors';
import { useActions, useKiosk } from './kiosk-context';

/** The hall's citizen languages, each named in itself. */
export function LanguageButtons() {
  const { t } = useTranslation('kiosk');
  const hall = useKiosk((s) => s.hall);
  const language = useKiosk((s) => s.language);
  const { setLanguage } = useActions();
  return (
    <div className="langs" role="group">
      {availableLanguages(hall).map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === language ? 'btn lang current' : 'btn lang'}
          data-testid={`lang-${l}`}
          aria-pressed={l === language}
          onClick={() => setLanguage(l)}
        >
          {t(`language.${l}`)}
        </button>
      ))}
    </div>
  );
}
