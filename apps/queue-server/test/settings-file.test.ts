import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password';
import { ok, refused } from './expect-reply';
import { api, demoHall, hallPerTest, login } from './harness';

const halls = hallPerTest();

describe('the hall file and the console over restarts', () => {
  it('a password a person chose stays theirs over restarts with the same file; a file that says a new one wins', async () => {
    const first = await halls.open();
    const c01 = api(first.server.url, await login(first.server.url, 'c01', 'demo'));
    await ok('changePassword', c01.post('/api/auth/password', { current: 'demo', next: 'nyima-2026' }));
    await first.server.close();

    const same = await halls.open({ dataDir: first.server.dataDir });
    await login(same.server.url, 'c01', 'nyima-2026');
    await refused(
      api(same.server.url).post('/api/auth/login', { staffId: 'c01', password: 'demo' }),
      401,
      'unauthorized',
    );
    await same.server.close();

    // The IT officer writes a new password into the file (and renames the hall office's window 1).
    const file = demoHall();
    const edited = {
      ...file,
      staff: file.staff.map((s) => (s.id === 'c01' ? { ...s, passwordHash: hashPassword('from-file-1') } : s)),
      windows: file.windows.map((w) => (w.number === 1 ? { ...w, name: { ...w.name, zh: '1号综合窗口' } } : w)),
    };
    const changed = await halls.open({ dataDir: first.server.dataDir, hall: edited });
    await login(changed.server.url, 'c01', 'from-file-1');
    const manager = api(changed.server.url, await login(changed.server.url, 'admin', 'admin'));
    const { versions } = await ok('settingsHistory', manager.get('/api/settings/history'));
    expect(versions.map((v) => [v.version, v.source])).toEqual([
      [2, 'file'],
      [1, 'file'],
    ]);
    // A password is no setting: the new version lists the window, not the person.
    expect(versions[0]!.changes).toEqual([{ section: 'windows', key: '1', kind: 'changed', fields: ['name'] }]);
  });

  it('a person the file no longer lists loses their password: a rollback that brings them back brings no password', async () => {
    const first = await halls.open();
    await first.server.close();
    const file = demoHall();
    const without = { ...file, staff: file.staff.filter((s) => s.id !== 'c08') };
    const second = await halls.open({ dataDir: first.server.dataDir, hall: without });
    const manager = api(second.server.url, await login(second.server.url, 'admin', 'admin'));
    await ok(
      'rollbackSettings',
      manager.post('/api/settings/rollback', { requestId: 'rollback-to-1', baseVersion: 2, toVersion: 1 }),
    );
    const view = await ok('settings', manager.get('/api/settings'));
    expect(view.hall.staff.map((s) => s.id)).toContain('c08');
    expect(view.passwords.c08).toBeUndefined();
    await refused(
      api(second.server.url).post('/api/auth/login', { staffId: 'c08', password: 'demo' }),
      401,
      'unauthorized',
    );
  });
});
