import { ApiError, NetworkError } from '@hallq/shared/client';
import { fakeHallClient } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { browserSessionStorage, consoleLogin } from './staff-session';

/** The tab's storage, in memory. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, v),
  };
}

const session = {
  token: 't',
  expiresAt: '2026-12-04T12:00:00.000Z',
  staff: { id: 'g01', name: '卓玛', role: 'floor_guide' as const },
};

describe('a console session in the tab', () => {
  it('is kept per console, and reads as none once expired or unreadable', () => {
    const tab = memoryStorage();
    let now = Date.parse('2026-12-04T08:00:00.000Z');
    const desk = browserSessionStorage(tab, () => now, 'hallq.guide.session');
    const console = browserSessionStorage(tab, () => now, 'hallq.manager.session');
    desk.save(session);
    expect(desk.load()).toEqual(session);
    expect(console.load()).toBeNull();
    now = Date.parse(session.expiresAt);
    expect(desk.load()).toBeNull();
    tab.setItem('hallq.manager.session', '{"token": 1}');
    expect(console.load()).toBeNull();
  });
});

describe('a console login', () => {
  it('lets in whom the console is for, and names why not otherwise', async () => {
    const client = fakeHallClient();
    client.login.mockResolvedValue({ ...session, window: null, mustChangePassword: false });
    expect(await consoleLogin(client, ' g01 ', 'demo', () => true)).toEqual({ session });
    expect(client.login).toHaveBeenCalledWith({ body: { staffId: 'g01', password: 'demo' } });
    expect(await consoleLogin(client, 'g01', 'demo', (s) => s.role === 'manager')).toEqual({
      problem: 'not_for_console',
    });
    client.login.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'wrong staff id or password'));
    expect(await consoleLogin(client, 'g01', 'x', () => true)).toEqual({ problem: 'refused' });
    client.login.mockRejectedValueOnce(new NetworkError('down'));
    expect(await consoleLogin(client, 'g01', 'demo', () => true)).toEqual({ problem: 'network' });
  });
});
