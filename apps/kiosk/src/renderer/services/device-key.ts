import type { KioskBridge } from '../../bridge/kiosk-bridge';

export interface DeviceIdentity {
  deviceKey: string;
  hasIdCardReader: boolean;
  hasLocker: boolean;
}

const STORAGE_KEY = 'hallq.kiosk.deviceKey';

/**
 * Inside Electron the shell knows the key; in a plain browser staff open the page once with `?key=…` and the
 * browser remembers it, so a reload (or a citizen's touch on the address bar) does not lose it.
 */
export async function resolveDeviceIdentity(
  bridge: KioskBridge | null,
  search: string,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): Promise<DeviceIdentity | null> {
  if (bridge) {
    const info = await bridge.info();
    return { deviceKey: info.deviceKey, hasIdCardReader: info.hasIdCardReader, hasLocker: info.hasLocker };
  }
  const fromUrl = new URLSearchParams(search).get('key')?.trim();
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    return { deviceKey: fromUrl, hasIdCardReader: false, hasLocker: false };
  }
  const stored = storage.getItem(STORAGE_KEY);
  return stored ? { deviceKey: stored, hasIdCardReader: false, hasLocker: false } : null;
}
