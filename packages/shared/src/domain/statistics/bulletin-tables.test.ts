import { describe, expect, it } from 'vitest';
import { BULLETIN_TOTALS, changeWordKey, figureChange, windowTargets } from './bulletin-tables';

describe('the change from last month', () => {
  it('gives counts and times relative to last month, to one decimal, with the direction', () => {
    expect(figureChange('count', 120, 100)).toEqual({ direction: 'up', amount: 20, unit: 'percent' });
    expect(figureChange('minutes', 8.2, 12.3)).toEqual({ direction: 'down', amount: 33.3, unit: 'percent' });
    expect(figureChange('count', 7, 7)).toEqual({ direction: 'same', amount: 0, unit: 'percent' });
  });

  it('gives shares in percentage points, not relative to the share', () => {
    expect(figureChange('share', 0.95, 0.9)).toEqual({ direction: 'up', amount: 5, unit: 'points' });
    expect(figureChange('share', 0.874, 0.9)).toEqual({ direction: 'down', amount: 2.6, unit: 'points' });
  });

  it('has none without last month’s figure, or against a count of 0', () => {
    expect(figureChange('count', 5, null)).toBeNull();
    expect(figureChange('minutes', null, 3)).toBeNull();
    expect(figureChange('count', 5, 0)).toBeNull();
    expect(figureChange('share', 0.5, 0)).toEqual({ direction: 'up', amount: 50, unit: 'points' });
  });

  it('is worded by direction and unit', () => {
    expect(changeWordKey(figureChange('count', 120, 100))).toBe('up');
    expect(changeWordKey(figureChange('share', 0.8, 0.9))).toBe('downPoints');
    expect(changeWordKey(figureChange('count', 3, 3))).toBe('same');
    expect(changeWordKey(null)).toBe('none');
  });
});

describe("a window's targets", () => {
  const hall = {
    windows: [
      { number: 1, serves: ['general', 'personal'] },
      { number: 2, serves: ['personal'] },
      { number: 9, serves: ['gone'] },
    ],
    windowTypes: [
      { code: 'general', targetWaitMinutes: 15, defaultServiceMinutes: 8, targetServiceMinutes: 10 },
      { code: 'personal', targetWaitMinutes: 20, defaultServiceMinutes: 6 },
    ],
  };

  it('are those of the type the window serves first; the service target falls back to the default service time', () => {
    expect(windowTargets(hall, 1)).toEqual({ windowType: 'general', waitMinutes: 15, serviceMinutes: 10 });
    expect(windowTargets(hall, 2)).toEqual({ windowType: 'personal', waitMinutes: 20, serviceMinutes: 6 });
  });

  it('are unknown for a window or type the hall file no longer has', () => {
    expect(windowTargets(hall, 9)).toBeNull();
    expect(windowTargets(hall, 42)).toBeNull();
  });
});

describe('the totals table', () => {
  it('names each line once', () => {
    const keys = BULLETIN_TOTALS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
