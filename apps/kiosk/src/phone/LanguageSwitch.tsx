import { useTranslation } from 'react-i18next';
import { chooseLanguage, PHONE_LANGUAGES } from './language';

/** The citizen may always read the page in another language; the choice is kept for this ticket. */
export function LanguageSwitch({ token }: { token: string | null }) {
  const { t, i18n } = useTranslation('phone');
  return (
    <nav className="languages" aria-label={t('language')}>
      {PHONE_LANGUAGES.map((language) => (
        <button
          key={language.code}
          type="button"
          lang={language.htmlLang}
          aria-pressed={i18n.language === language.code}
          onClick={() => chooseLanguage(i18n, language.code, token)}
        >
          {language.label}
        </button>
      ))}
    </nav>
  );
}
