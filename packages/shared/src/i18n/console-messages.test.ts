import { describe, expect, it } from 'vitest';
import { consoleMessages } from './namespaces';
import { catalogueProblems, createI18n, messageKeys } from './create-i18n';

describe('the console words', () => {
  it('have every key in Chinese, Tibetan and English, with the same placeholders', () => {
    expect(catalogueProblems(consoleMessages)).toEqual([]);
    const zh = messageKeys(consoleMessages.zh);
    expect(messageKeys(consoleMessages.bo)).toEqual(zh);
    expect(messageKeys(consoleMessages.en)).toEqual(zh);
  });

  it('name a chief representative’s console after their department', () => {
    const t = createI18n({ console: consoleMessages }).getFixedT('zh', 'console');
    expect(t('title.chiefOf', { department: '市人力资源和社会保障局' })).toBe(
      '首席代表工作台 · 市人力资源和社会保障局',
    );
    expect(t('archive.count', { count: 3, onTime: 2, late: 1 })).toBe('共 3 条：按时办结 2 条，逾期办结 1 条');
  });
});
