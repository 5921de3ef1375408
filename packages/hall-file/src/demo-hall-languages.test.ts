import { describe, expect, it } from 'vitest';
import { DEMO_HALL_PATH, formatIssuePath, loadHallConfig } from './load-hall-config';

/** Tibetan script (U+0F00–U+0FFF). */
const TIBETAN = /[\u0F00-\u0FFF]/;

/**
 * Every localized text in `value`, with its path: any object with a string `zh` is one (the schema's `LocalizedText`),
 * wherever the schema puts it, so a text added to the schema later is checked without touching this test.
 */
function localizedTexts(
  value: unknown,
  path: (string | number)[] = [],
): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, [...path, i]));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.zh === 'string') return [{ path: formatIssuePath(path), text: record }];
  return Object.entries(record).flatMap(([key, v]) => localizedTexts(v, [...path, key]));
}

describe('the demo hall', () => {
  const hall = loadHallConfig(DEMO_HALL_PATH);
  const texts = localizedTexts(hall);

  it('every text of the demo hall a citizen reads has Tibetan and English', () => {
    // The walk reaches the hall name, departments, window types, items and their materials, windows and rating reasons.
    expect(texts.length).toBeGreaterThan(100);
    const noTibetan = texts
      .filter(({ text }) => typeof text.bo !== 'string' || !TIBETAN.test(text.bo))
      .map(({ path, text }) => `${path} (${String(text.zh)})`);
    const noEnglish = texts
      .filter(({ text }) => typeof text.en !== 'string' || text.en.trim() === '')
      .map(({ path, text }) => `${path} (${String(text.zh)})`);
    expect(noTibetan, 'texts without Tibetan').toEqual([]);
    expect(noEnglish, 'texts without English').toEqual([]);
  });
});
