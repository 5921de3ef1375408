import { deviceKeyMatches } from '@hallq/hall-file';
import type { HallConfig } from '@hallq/shared/contracts';

export type DeviceKind = 'kiosk' | 'display' | 'locker';

export interface DevicePrincipal {
  kind: 'device';
  device: DeviceKind;
  id: string;
  window: number | null;
  /** What a display shows: the hall screen, a window screen, or the window's rating pad; null for other devices. */
  screen: 'hall' | 'window' | 'rating' | null;
}

/**
 * The hall's devices by their keys. The credentials hold each key salted and hashed, so a key cannot be looked up: it
 * is checked against each device's hash (a SHA-256 each, a few microseconds for a whole hall). A key that matched is
 * remembered by its plain SHA-256, which the server computes for every bearer anyway, so a device's requests after its
 * first cost one map lookup. The memory holds the hall's devices at most: unknown keys are never remembered.
 */
export class DeviceKeys {
  private readonly devices: { keyHash: string; principal: DevicePrincipal }[] = [];
  private readonly known = new Map<string, DevicePrincipal>();

  /** `keys`: each device's key hash by its id (the credentials); a device without one is refused. */
  constructor(hall: HallConfig, keys: ReadonlyMap<string, string>) {
    const { kiosks, displays, lockers } = hall.devices;
    const add = (id: string, principal: DevicePrincipal) => {
      const keyHash = keys.get(id);
      if (keyHash !== undefined) this.devices.push({ keyHash, principal });
    };
    const device = (device: DeviceKind, id: string): DevicePrincipal => ({
      kind: 'device',
      device,
      id,
      window: null,
      screen: null,
    });
    for (const d of kiosks) add(d.id, device('kiosk', d.id));
    for (const d of displays) add(d.id, { ...device('display', d.id), window: d.window ?? null, screen: d.kind });
    for (const d of lockers) add(d.id, device('locker', d.id));
  }

  /** The device whose key `key` is, or null; `keySha256` is the key's SHA-256 hex. */
  find(key: string, keySha256: string): DevicePrincipal | null {
    const known = this.known.get(keySha256);
    if (known) return known;
    const found = this.devices.find((d) => deviceKeyMatches(key, d.keyHash));
    if (!found) return null;
    this.known.set(keySha256, found.principal);
    return found.principal;
  }
}
