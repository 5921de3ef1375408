import i18next, { type i18n } from 'i18next';
import type { LanguageCode, LocalizedText } from '../config/hall-config';

/** The languages every citizen-facing string is translated into; Chinese is complete and the fallback. */
export const CITIZEN_LANGUAGES = ['zh', 'bo', 'en'] as const satisfies readonly LanguageCode[];
export type CitizenLanguage = (typeof CITIZEN_LANGUAGES)[number];

/** Nested message keys; leaves may use i18next interpolation (`{{count}}`) and plurals (`_one` / `_other`). */
export interface Messages {
  [key: string]: string | Messages;
}

/** One namespace of the catalogue in every citizen language. */
export type Namespace = Record<CitizenLanguage, Messages>;

/**
 * A fresh i18next instance over the given namespaces, synchronously initialised so the first render already has its
 * strings. Missing Tibetan or English keys fall back to Chinese.
 */
export function createI18n(namespaces: Record<string, Namespace>, lng: CitizenLanguage = 'zh'): i18n {
  const resources: Record<string, Record<string, Messages>> = {};
  for (const language of CITIZEN_LANGUAGES) {
    resources[language] = {};
    for (const [name, ns] of Object.entries(namespaces)) resources[language][name] = ns[language];
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng,
    fallbackLng: 'zh',
    ns: Object.keys(namespaces),
    defaultNS: Object.keys(namespaces)[0],
    initAsync: false,
    // React escapes on render; the printed ticket is not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    // No advertising in a kiosk's or phone's console.
    showSupportNotice: false,
  });
  return instance;
}

/** A hall-config text in `lang`, falling back to Chinese. */
export function localized(text: LocalizedText, lang: LanguageCode): string {
  return text[lang] ?? text.zh;
}

/** Leaf paths of a message tree, `a.b.c`. */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : messageKeys(value, `${prefix}${key}.`),
  );
}

/** Interpolation variables used in a message, sorted: `{{count}}` → `count`. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** Plural suffixes differ by language (Chinese and Tibetan have only `_other`): compare keys without them. */
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

/** Problems that would show a citizen a Chinese string in another language, or a broken placeholder. */
export function catalogueProblems(ns: Namespace): string[] {
  const problems: string[] = [];
  const flat = (m: Messages) => new Map(messageKeys(m).map((k) => [k, lookup(m, k)]));
  const zh = flat(ns.zh);
  const zhBases = new Map([...zh].map(([k, v]) => [pluralBase(k), v]));
  for (const language of CITIZEN_LANGUAGES) {
    if (language === 'zh') continue;
    const other = flat(ns[language]);
    const otherBases = new Set([...other.keys()].map(pluralBase));
    for (const base of zhBases.keys()) if (!otherBases.has(base)) problems.push(`${language}: missing ${base}`);
    for (const [key, value] of other) {
      const base = pluralBase(key);
      const source = zhBases.get(base);
      if (source === undefined) {
        problems.push(`${language}: ${key} has no Chinese source`);
        continue;
      }
      const want = placeholders(source).filter((p) => p !== 'count');
      const got = placeholders(value).filter((p) => p !== 'count');
      if (want.join() !== got.join()) problems.push(`${language}: ${key} uses {{${got}}} but Chinese uses {{${want}}}`);
    }
  }
  return problems;
}

function lookup(messages: Messages, path: string): string {
  let node: string | Messages = messages;
  for (const part of path.split('.')) node = (node as Messages)[part] as string | Messages;
  return node as string;
}
