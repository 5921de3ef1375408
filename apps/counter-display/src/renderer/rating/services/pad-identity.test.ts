import { describe, expect, it } from 'vitest';
import { resolvePadIdentity } from './pad-identity';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('the pad identity', () => {
  it('is taken from the URL and remembered for the next load without it', () => {
    const storage = memoryStorage();
    expect(resolvePadIdentity('?window=3&key=demo-rating-3', storage)).toEqual({
      window: 3,
      deviceKey: 'demo-rating-3',
    });
    expect(resolvePadIdentity('', storage)).toEqual({ window: 3, deviceKey: 'demo-rating-3' });
  });

  it('is missing until staff give both a window number and a key', () => {
    const storage = memoryStorage();
    expect(resolvePadIdentity('?key=demo-rating-3', storage)).toBeNull();
    expect(resolvePadIdentity('?window=x&key=k', storage)).toBeNull();
    expect(resolvePadIdentity('', storage)).toBeNull();
  });
});
