import { describe, expect, it } from 'vitest';
import { hall, queue, snapshot } from '../../test-services';
import { callBoard, LANGUAGE_TURN_MS, secondLanguage, secondText, waitingRows } from './selectors';

const call = (number: string, window: number, recall = false) => ({
  number,
  window,
  at: '2025-05-06T01:00:00.000Z',
  recall,
});

describe('callBoard', () => {
  it('puts the newest call large and the ones before it in the history', () => {
    const feed = snapshot({ recentCalls: [call('A003', 2), call('A002', 1), call('B001', 6)] });
    expect(callBoard(feed, 8)).toEqual({ latest: call('A003', 2), history: [call('A002', 1), call('B001', 6)] });
  });

  it('lists a recalled number once, at its latest call', () => {
    const feed = snapshot({ recentCalls: [call('A001', 3, true), call('A002', 4), call('A001', 3)] });
    expect(callBoard(feed, 8)).toEqual({ latest: call('A001', 3, true), history: [call('A002', 4)] });
  });

  it('keeps the history to the size the screen has room for', () => {
    const feed = snapshot({ recentCalls: [call('A004', 1), call('A003', 1), call('A002', 1), call('A001', 1)] });
    expect(callBoard(feed, 2).history.map((c) => c.number)).toEqual(['A003', 'A002']);
  });

  it('is empty before the first snapshot', () => {
    expect(callBoard(null, 8)).toEqual({ latest: null, history: [] });
  });
});

describe('waitingRows', () => {
  it('lists every window type in the hall order, with 0 for a type the server has not reported', () => {
    const rows = waitingRows(hall(), [queue('tax', { waiting: 2, open: false }), queue('unknown', { waiting: 9 })]);
    expect(rows.map((r) => [r.code, r.waiting, r.open])).toEqual([
      ['personal', 0, false],
      ['tax', 2, false],
    ]);
  });
});

describe('secondLanguage', () => {
  it('lets Tibetan and English take turns under the Chinese', () => {
    expect(secondLanguage(hall(), 0)).toBe('bo');
    expect(secondLanguage(hall(), LANGUAGE_TURN_MS)).toBe('en');
    expect(secondLanguage(hall(), 2 * LANGUAGE_TURN_MS)).toBe('bo');
  });

  it('shows only Chinese in a Chinese-only hall', () => {
    expect(secondLanguage(hall({ languages: ['zh'] }), 0)).toBeNull();
  });
});

describe('secondText', () => {
  it('shows no second line where the hall file has no translation, rather than the Chinese twice', () => {
    expect(secondText({ zh: '税务' }, 'bo')).toBeNull();
    expect(secondText({ zh: '个人综窗', en: 'Personal' }, 'en')).toBe('Personal');
  });
});
