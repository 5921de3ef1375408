import type { CitizenLanguage } from '@hallq/shared/i18n';
import type { i18n } from 'i18next';

/** Each language named in itself, so a citizen finds their own whatever is showing. */
export const PHONE_LANGUAGES: readonly { code: CitizenLanguage; label: string; htmlLang: string }[] = [
  { code: 'zh', label: '中文', htmlLang: 'zh-CN' },
  { code: 'bo', label: 'བོད་ཡིག', htmlLang: 'bo' },
  { code: 'en', label: 'English', htmlLang: 'en' },
];

const STORAGE_KEY = 'hallq.phone.language';

/** The citizen's own choice is kept with the ticket it was made for, so it outlasts a reload but not the ticket. */
interface StoredChoice {
  token: string;
  language: string;
}

// Storage throws in some private-browsing modes; the choice is a convenience, so it is simply not kept there.
export function readChosenLanguage(token: string | null): CitizenLanguage | null {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<StoredChoice> | null;
    if (token === null || stored?.token !== token) return null;
    return PHONE_LANGUAGES.find((l) => l.code === stored.language)?.code ?? null;
  } catch {
    return null;
  }
}

/** The citizen pressed a language: shown now and kept for this ticket. */
export function chooseLanguage(i18n: i18n, code: CitizenLanguage, token: string | null): void {
  showLanguage(i18n, code);
  if (token === null) return;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ token, language: code } satisfies StoredChoice));
  } catch {
    // not kept: see readChosenLanguage
  }
}

/** The language showing, as one of ours (i18next may report a tag we did not set only before init). */
export function currentLanguage(i18n: i18n): CitizenLanguage {
  return PHONE_LANGUAGES.find((l) => l.code === i18n.language)?.code ?? 'zh';
}

/** `lang` picks the right glyphs (Chinese vs Japanese forms, Tibetan shaping); the title is what the tab shows. */
export function showLanguage(i18n: i18n, language: CitizenLanguage): void {
  // From `language`, not `i18n.language`: a change made after start-up lands a tick later.
  void i18n.changeLanguage(language);
  document.documentElement.lang = PHONE_LANGUAGES.find((l) => l.code === language)?.htmlLang ?? 'zh-CN';
  document.title = i18n.getFixedT(language, 'phone')('title');
}
