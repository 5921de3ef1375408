import { describe, expect, it } from 'vitest';
import type { KioskBridge } from '../../bridge/kiosk-bridge';
import { resolveDeviceIdentity } from './device-key';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('resolveDeviceIdentity', () => {
  it('takes the key, the card reader and the locker from the Electron shell', async () => {
    const bridge = {
      info: async () => ({ kioskId: 'k1', deviceKey: 'shell-key', hasIdCardReader: true, hasLocker: true }),
    } as unknown as KioskBridge;
    expect(await resolveDeviceIdentity(bridge, '?key=url-key', memoryStorage())).toEqual({
      deviceKey: 'shell-key',
      hasIdCardReader: true,
      hasLocker: true,
    });
  });

  it('takes ?key= in a browser and remembers it for the next load; a browser drives no locker', async () => {
    const storage = memoryStorage();
    expect(await resolveDeviceIdentity(null, '?key=demo-kiosk', storage)).toEqual({
      deviceKey: 'demo-kiosk',
      hasIdCardReader: false,
      hasLocker: false,
    });
    expect(await resolveDeviceIdentity(null, '', storage)).toMatchObject({ deviceKey: 'demo-kiosk' });
  });

  it('has no identity without a key anywhere', async () => {
    expect(await resolveDeviceIdentity(null, '', memoryStorage())).toBeNull();
  });
});
