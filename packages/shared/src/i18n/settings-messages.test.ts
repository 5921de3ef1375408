import { describe, expect, it } from 'vitest';
import { settingsMessages } from './namespaces';
import { catalogueProblems, createI18n, messageKeys } from './create-i18n';

describe('the settings words', () => {
  it('have every key in Chinese, Tibetan and English, with the same placeholders', () => {
    expect(catalogueProblems(settingsMessages)).toEqual([]);
    const zh = messageKeys(settingsMessages.zh);
    expect(messageKeys(settingsMessages.bo)).toEqual(zh);
    expect(messageKeys(settingsMessages.en)).toEqual(zh);
  });

  it('name a version and a change line as the history lists them', () => {
    const t = createI18n({ settings: settingsMessages }).getFixedT('zh', 'settings');
    expect(t('version', { version: 7, at: '5月6日 10:00', actor: '管理员（admin）' })).toBe(
      '当前版本 7（5月6日 10:00，管理员（admin））',
    );
    expect(t('history.line', { section: '窗口', key: '2', kind: '修改' })).toBe('窗口 2 修改');
  });
});
