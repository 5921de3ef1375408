import { describe, expect, it } from 'vitest';
import { SESSION } from '../store/test-services';
import { createStorage, windowFromQuery } from './storage';

function memory(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

describe('the panel’s storage', () => {
  it('remembers the window and the session, and drops a session it cannot read', () => {
    const session = memory();
    const storage = createStorage(memory(), session);
    expect(storage.loadWindow()).toBeNull();
    storage.saveWindow(7);
    storage.saveSession(SESSION);
    expect(storage.loadWindow()).toBe(7);
    expect(storage.loadSession()).toEqual(SESSION);
    session.setItem('hallq.counter.session', '{"token":');
    expect(storage.loadSession()).toBeNull();
  });

  it('reads the window from ?window=', () => {
    expect(windowFromQuery('?window=3')).toBe(3);
    expect(windowFromQuery('?window=x')).toBeNull();
    expect(windowFromQuery('')).toBeNull();
  });
});
