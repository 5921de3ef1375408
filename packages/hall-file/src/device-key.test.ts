import { describe, expect, it } from 'vitest';
import { deviceKeyMatches, hashDeviceKey, newDeviceKey } from './device-key';

describe('device key hashes', () => {
  it('match the key they were made from and no other', () => {
    const hash = hashDeviceKey('kiosk-secret');
    expect(deviceKeyMatches('kiosk-secret', hash)).toBe(true);
    expect(deviceKeyMatches('kiosk-secreT', hash)).toBe(false);
    expect(deviceKeyMatches('', hash)).toBe(false);
  });

  it('are salted: one key hashed twice gives two hashes, both matching it', () => {
    const a = hashDeviceKey('same-key');
    const b = hashDeviceKey('same-key');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^sha256\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
    expect(deviceKeyMatches('same-key', a) && deviceKeyMatches('same-key', b)).toBe(true);
  });

  it('never match through a malformed hash, an unsalted SHA-256 included', () => {
    const unsalted = '49d6cc27f1e3b72fb829ac8ec864fc2045e8684b5bfb2b46b0a922330c84d6ea';
    for (const bad of [unsalted, 'sha256$$' + 'a'.repeat(64), `sha256$${'0'.repeat(32)}$xyz`, ''])
      expect(deviceKeyMatches('demo-kiosk', bad)).toBe(false);
  });

  it('new keys are 256 random bits, each different', () => {
    const keys = new Set(Array.from({ length: 100 }, newDeviceKey));
    expect(keys.size).toBe(100);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
