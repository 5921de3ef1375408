import { describe, expect, it } from 'vitest';
import { catalogue } from './catalogue';
import { catalogueProblems, createI18n } from './create-i18n';

describe('the citizen catalogue', () => {
  for (const [name, ns] of Object.entries(catalogue)) {
    it(`${name}: Tibetan and English translate every Chinese string with the same placeholders`, () => {
      expect(catalogueProblems(ns)).toEqual([]);
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
