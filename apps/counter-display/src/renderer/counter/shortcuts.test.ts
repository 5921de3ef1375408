import { describe, expect, it } from 'vitest';
import { actionForKey } from './shortcuts';

describe('the function keys', () => {
  it('map F1–F6 to the actions and F7 to pause, or resume while paused', () => {
    expect(['F1', 'F2', 'F3', 'F4', 'F5', 'F6'].map((k) => actionForKey(k, false))).toEqual([
      'call-next',
      'recall',
      'no-show',
      'start',
      'finish',
      'transfer',
    ]);
    expect(actionForKey('F7', false)).toBe('pause');
    expect(actionForKey('F7', true)).toBe('resume');
    expect(actionForKey('F8', false)).toBeNull();
  });
});
