import { describe, expect, it } from 'vitest';
import { emptyPosts } from './empty-post';
import { initialWindowState } from './window-transition';
import { makeWindow, shanghai, testHall } from '../testing/fixtures';

const hall = testHall(); // window 1: general+social, window 2: social+general, window 3: help
const closed = (n: number) => initialWindowState(n, shanghai('08:00'));

describe('emptyPosts', () => {
  it('is empty when every type with people waiting has an open, staffed window', () => {
    const windows = [makeWindow(1), closed(2), makeWindow(3)];
    expect(emptyPosts(hall, windows, { general: 3, social: 1, help: 2 })).toEqual([]);
  });

  it('names the types with people waiting and no open window serving them (空岗)', () => {
    const windows = [makeWindow(1), closed(2), closed(3)];
    expect(emptyPosts(hall, windows, { general: 3, help: 2 })).toEqual(['help']);
  });

  it('does not count a paused window', () => {
    const windows = [makeWindow(1, { status: 'paused', pauseReason: 'lunch' }), closed(2), makeWindow(3)];
    expect(emptyPosts(hall, windows, { general: 1, social: 1, help: 0 })).toEqual(['general', 'social']);
  });

  it('does not count an open window with nobody at it', () => {
    expect(emptyPosts(hall, [makeWindow(3, { clerk: null, post: null })], { help: 1 })).toEqual(['help']);
  });

  it('ignores types nobody waits for, and windows the hall does not know', () => {
    expect(emptyPosts(hall, [closed(1), closed(2), closed(3)], { general: 0 })).toEqual([]);
    expect(emptyPosts(hall, [makeWindow(42)], { help: 1 })).toEqual(['help']);
  });
});
