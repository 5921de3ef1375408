import { describe, expect, it } from 'vitest';
import { actionForKey, DEPOSIT_KEY, SHORTCUT_OF } from './shortcuts';

describe('the function keys', () => {
  it('map F1–F6 to the actions and F7 to pause, or resume while paused', () => {
    expect(['F1', 'F2', 'F3', 'F4', 'F5', 'F6'].map((k) => actionForKey(k, false))).toEqual([
      'callNext',
      'recall',
      'noShow',
      'start',
      'finish',
      'transfer',
    ]);
    expect(actionForKey('F7', false)).toBe('pause');
    expect(actionForKey('F7', true)).toBe('resume');
    expect(actionForKey('F8', false)).toBeNull();
  });

  it('keep F8 for 存入取件柜, apart from every desk action', () => {
    expect(DEPOSIT_KEY).toBe('F8');
    expect(actionForKey(DEPOSIT_KEY, false)).toBeNull();
    expect(Object.values(SHORTCUT_OF)).not.toContain(DEPOSIT_KEY);
  });
});
