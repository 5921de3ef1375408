import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue';
import { catalogueProblems, createI18n, messageKeys, type Messages } from './create-i18n';

const TIBETAN = /[\u0F00-\u0FFF]/;
/** Text with nothing to translate: placeholders, digits, signs. */
const NOTHING_TO_TRANSLATE = /^[\s\d{}.,:;!?%()/+\-–—·×…]*$/;

/** Leaves of a message tree with their values. */
function leaves(messages: Messages): [string, string][] {
  return messageKeys(messages).map((key) => {
    let node: string | Messages = messages;
    for (const part of key.split('.')) node = (node as Messages)[part] as string | Messages;
    return [key, node as string];
  });
}

describe('the citizen catalogue', () => {
  for (const [name, ns] of Object.entries(catalogue)) {
    it(`${name}: Tibetan and English translate every Chinese string with the same placeholders`, () => {
      expect(catalogueProblems(ns)).toEqual([]);
    });
  }
});

describe('the Tibetan catalogue', () => {
  // A language's own name is written in that language on every screen, so a reader finds their language's button.
  const ownNames = (key: string) => /(^|\.)language\.(zh|en)$/.test(key);
  for (const [name, ns] of Object.entries(catalogue)) {
    it(`${name}: every key a citizen reads in Tibetan mode is Tibetan, never a Chinese or English fallback`, () => {
      const untranslated = leaves(ns.bo)
        .filter(([key, text]) => !ownNames(key) && !TIBETAN.test(text.replace(/\{\{[^}]*\}\}/g, '')))
        .filter(([, text]) => !NOTHING_TO_TRANSLATE.test(text.replace(/\{\{[^}]*\}\}/g, '')));
      expect(untranslated).toEqual([]);
    });
  }
});

describe('catalogueProblems', () => {
  it('reports a missing translation and a changed placeholder', () => {
    const problems = catalogueProblems({
      zh: { a: '前面 {{n}} 人', b: '好' },
      bo: { a: 'x {{m}}' },
      en: { a: '{{n}} ahead', b: 'ok', c: 'extra' },
    });
    expect(problems).toEqual([
      'bo: missing b',
      'bo: a uses {{m}} but Chinese uses {{n}}',
      'en: c has no Chinese source',
    ]);
  });
});

describe('createI18n', () => {
  it('falls back to Chinese for a key Tibetan lacks, and interpolates', () => {
    const i18n = createI18n(
      { t: { zh: { hi: '你好 {{name}}', only: '仅中文' }, bo: { hi: 'བཀྲ་ཤིས {{name}}' }, en: {} } },
      'bo',
    );
    expect(i18n.t('t:hi', { name: 'A' })).toBe('བཀྲ་ཤིས A');
    expect(i18n.t('t:only')).toBe('仅中文');
  });
});
