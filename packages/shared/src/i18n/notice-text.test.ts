import { describe, expect, it } from 'vitest';
import { NOTICE_FIELDS, NOTICE_KINDS } from '../domain/notice';
import { catalogueProblems, CITIZEN_LANGUAGES, messageKeys } from './create-i18n';
import { noticeText } from './notice-text';

describe('the notice catalogue', () => {
  it('has every key in Chinese, Tibetan and English, with the same placeholders', () => {
    expect(catalogueProblems(noticeText)).toEqual([]);
    const zh = messageKeys(noticeText.zh).sort();
    for (const language of CITIZEN_LANGUAGES) expect(messageKeys(noticeText[language]).sort(), language).toEqual(zh);
  });

  it('titles every kind of notice and labels every row the domain puts on one, in each language', () => {
    for (const language of CITIZEN_LANGUAGES) {
      // Read from the language itself: i18next would fall back to Chinese and hide a gap.
      const { title, field } = noticeText[language];
      for (const kind of NOTICE_KINDS) expect(title[kind], `${language} ${kind}`).toMatch(/\S/);
      for (const name of NOTICE_FIELDS) expect(field[name], `${language} ${name}`).toMatch(/\S/);
    }
  });

  it('words a Chinese title as the hall regulations name it', () => {
    expect(Object.values(noticeText.zh.title)).toEqual([
      '受理通知书',
      '一次性告知通知书',
      '不予受理通知书',
      '转交通知单',
    ]);
  });
});
