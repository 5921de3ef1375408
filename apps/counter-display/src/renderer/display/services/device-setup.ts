type KeyStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Staff open a screen once with `?key=…` (and `?window=…` above a window); the browser remembers it, so a reload or
 * a power cut brings the screen back by itself.
 */
export function rememberedParam(search: string, name: string, storage: KeyStorage, storageKey: string): string | null {
  const fromUrl = new URLSearchParams(search).get(name)?.trim();
  if (fromUrl) {
    storage.setItem(storageKey, fromUrl);
    return fromUrl;
  }
  return storage.getItem(storageKey);
}

export function hallDisplaySetup(search: string, storage: KeyStorage): { deviceKey: string } | null {
  const deviceKey = rememberedParam(search, 'key', storage, 'hallq.display.deviceKey');
  return deviceKey ? { deviceKey } : null;
}

export function windowScreenSetup(search: string, storage: KeyStorage): { deviceKey: string; window: number } | null {
  const deviceKey = rememberedParam(search, 'key', storage, 'hallq.window.deviceKey');
  const window = Number(rememberedParam(search, 'window', storage, 'hallq.window.number'));
  return deviceKey && Number.isInteger(window) && window > 0 ? { deviceKey, window } : null;
}
