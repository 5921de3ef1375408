export interface PadIdentity {
  window: number;
  deviceKey: string;
}

const STORAGE_KEY = 'hallq.rating.identity';

/**
 * Staff open the pad once with `?window=3&key=…`; the browser remembers both, so a reload (or a citizen's touch on
 * the address bar) does not lose them. A URL with both replaces what was remembered.
 */
export function resolvePadIdentity(search: string, storage: Pick<Storage, 'getItem' | 'setItem'>): PadIdentity | null {
  const params = new URLSearchParams(search);
  const fromUrl = parse(params.get('window'), params.get('key'));
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, JSON.stringify(fromUrl));
    return fromUrl;
  }
  try {
    const stored = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as { window?: unknown; deviceKey?: unknown };
    return parse(String(stored?.window ?? ''), String(stored?.deviceKey ?? ''));
  } catch {
    return null;
  }
}

function parse(window: string | null, key: string | null): PadIdentity | null {
  const number = Number(window);
  const deviceKey = key?.trim();
  if (!Number.isInteger(number) || number <= 0 || !deviceKey) return null;
  return { window: number, deviceKey };
}
