import type { CitizenLanguage } from '@hallq/shared/i18n';
import type { i18n } from 'i18next';

/** Each language named in itself, so a citizen finds their own whatever is showing. */
export const PHONE_LANGUAGES: readonly { code: CitizenLanguage; label: string; htmlLang: string }[] = [
  { code: 'zh', label: '中文', htmlLang: 'zh-CN' },
  { code: 'bo', label: 'བོད་ཡིག', htmlLang: 'bo' },
  { code: 'en', label: 'English', htmlLang: 'en' },
];

const STORAGE_KEY = 'hallq.phone.language';

// Storage throws in some private-browsing modes; the choice is a convenience, so it is simply not kept there.
export function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function chooseLanguage(i18n: i18n, code: CitizenLanguage): void {
  void i18n.changeLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // not kept: see readStoredLanguage
  }
  showLanguage(i18n);
}

/** The language showing, as one of ours (i18next may report a tag we did not set only before init). */
export function currentLanguage(i18n: i18n): CitizenLanguage {
  return PHONE_LANGUAGES.find((l) => l.code === i18n.language)?.code ?? 'zh';
}

/** `lang` picks the right glyphs (Chinese vs Japanese forms, Tibetan shaping); the title is what the tab shows. */
export function showLanguage(i18n: i18n): void {
  const code = currentLanguage(i18n);
  document.documentElement.lang = PHONE_LANGUAGES.find((l) => l.code === code)?.htmlLang ?? 'zh-CN';
  document.title = i18n.t('phone:title');
}
