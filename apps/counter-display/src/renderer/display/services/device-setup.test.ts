import { describe, expect, it } from 'vitest';
import { hallDisplaySetup, windowScreenSetup } from './device-setup';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v) };
}

describe('hallDisplaySetup', () => {
  it('takes the key from the address and remembers it for the next load', () => {
    const storage = memoryStorage();
    expect(hallDisplaySetup('?key=demo-display', storage)).toEqual({ deviceKey: 'demo-display' });
    expect(hallDisplaySetup('', storage)).toEqual({ deviceKey: 'demo-display' });
  });

  it('has nothing to connect with before a key was ever given', () => {
    expect(hallDisplaySetup('', memoryStorage())).toBeNull();
  });
});

describe('windowScreenSetup', () => {
  it('remembers the window and the key separately from the hall display', () => {
    const storage = memoryStorage();
    hallDisplaySetup('?key=demo-display', storage);
    expect(windowScreenSetup('?window=3&key=demo-window-3', storage)).toEqual({
      deviceKey: 'demo-window-3',
      window: 3,
    });
    expect(windowScreenSetup('', storage)).toEqual({ deviceKey: 'demo-window-3', window: 3 });
    expect(hallDisplaySetup('', storage)).toEqual({ deviceKey: 'demo-display' });
  });

  it('refuses a window that is not a positive whole number', () => {
    expect(windowScreenSetup('?window=x&key=k', memoryStorage())).toBeNull();
    expect(windowScreenSetup('?window=0&key=k', memoryStorage())).toBeNull();
  });
});
