import { describe, expect, it } from 'vitest';
import { TicketState } from '../domain/ticket';
import { catalogueProblems, CITIZEN_LANGUAGES, messageKeys } from './create-i18n';
import { guideDeskMessages } from './namespaces';
import { GUIDE_REASON_LABEL, TICKET_STATE_LABEL } from './staff-labels';

/** Keys without i18next's plural endings: English says "1 person", Chinese and Tibetan have one form. */
const bases = (language: (typeof CITIZEN_LANGUAGES)[number]) =>
  [...new Set(messageKeys(guideDeskMessages[language]).map((k) => k.replace(/_(one|other)$/, '')))].sort();

describe('the guide desk catalogue', () => {
  it('has every key in Chinese, Tibetan and English, with the same placeholders', () => {
    expect(catalogueProblems(guideDeskMessages)).toEqual([]);
    for (const language of CITIZEN_LANGUAGES) expect(bases(language), language).toEqual(bases('zh'));
  });

  it('names every ticket state in each language, in Chinese as the other staff screens do', () => {
    expect(guideDeskMessages.zh.state).toBe(TICKET_STATE_LABEL);
    expect(guideDeskMessages.zh.calls.reason).toBe(GUIDE_REASON_LABEL);
    for (const language of CITIZEN_LANGUAGES) {
      // Read from the language itself: i18next would fall back to Chinese and hide a gap.
      for (const state of TicketState.options) expect(guideDeskMessages[language].state[state], language).toMatch(/\S/);
    }
  });
});
