import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { openConsole } from './settings-console';
import { KIOSK_KEY, api, connect, hallPerTest, login, rid, until } from './harness';

const halls = hallPerTest();

describe('staff: added, reset, disabled in the console', () => {
  it('a new clerk logs in with the one-time password, must choose their own, then works at their window', async () => {
    const h = await openConsole(halls);
    await ok(
      'changeSettings',
      h.change('staff', (list) => [
        ...list,
        { id: 'c99', name: '新同事', role: 'clerk', department: 'hall-office', aWindows: [3], bWindows: [] },
      ]),
    );
    expect((await h.settings()).passwords.c99).toBeUndefined();
    await refused(
      api(h.server.url).post('/api/auth/login', { staffId: 'c99', password: 'anything1' }),
      401,
      'unauthorized',
    );
    const reset = await ok('resetPassword', h.manager.post('/api/settings/staff/c99/password', { requestId: rid() }));
    expect(reset.temporaryPassword).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect((await h.settings()).passwords.c99).toEqual({ mustChange: true });

    const first = await ok(
      'login',
      api(h.server.url).post('/api/auth/login', { staffId: 'c99', password: reset.temporaryPassword, window: 3 }),
    );
    expect(first).toMatchObject({ mustChangePassword: true, window: null });
    const limited = api(h.server.url, first.token);
    await refused(limited.get('/api/windows'), 403, 'password_change_required');
    const weak = await refused(
      limited.post('/api/auth/password', { current: reset.temporaryPassword, next: 'short' }),
      400,
      'validation_failed',
    );
    expect(weak.fields?.[0]?.path).toBe('next');
    await ok(
      'changePassword',
      limited.post('/api/auth/password', { current: reset.temporaryPassword, next: 'tashi-2026' }),
    );
    expect((await ok('windows', limited.get('/api/windows'))).windows.length).toBeGreaterThan(0);
    const atWindow = await ok(
      'login',
      api(h.server.url).post('/api/auth/login', { staffId: 'c99', password: 'tashi-2026', window: 3 }),
    );
    expect(atWindow).toMatchObject({ mustChangePassword: false, window: { number: 3, clerk: 'c99' } });
    // The one-time password is gone, and the stored answer of the reset holds no password to replay.
    await refused(
      api(h.server.url).post('/api/auth/login', { staffId: 'c99', password: reset.temporaryPassword }),
      401,
      'unauthorized',
    );
  });

  it('shows a one-time password once: the same request again is told to reset anew', async () => {
    const h = await openConsole(halls);
    const requestId = rid('reset');
    await ok('resetPassword', h.manager.post('/api/settings/staff/c02/password', { requestId }));
    const again = await refused(
      h.manager.post('/api/settings/staff/c02/password', { requestId }),
      409,
      'invalid_state',
    );
    expect(again.message).toMatch(/shown once/);
  });

  it("a reset ends the person's sessions at once, and disabling them refuses their login", async () => {
    const h = await openConsole(halls);
    const clerk = api(h.server.url, await login(h.server.url, 'c02', 'demo'));
    await ok('windows', clerk.get('/api/windows'));
    await ok('resetPassword', h.manager.post('/api/settings/staff/c02/password', { requestId: rid() }));
    await refused(clerk.get('/api/windows'), 401, 'unauthorized');
    const c03 = api(h.server.url, await login(h.server.url, 'c03', 'demo'));
    await ok(
      'changeSettings',
      h.change('staff', (list) => list.map((s: any) => (s.id === 'c03' ? { ...s, disabled: true } : s))),
    );
    await refused(c03.get('/api/windows'), 401, 'unauthorized');
    await refused(api(h.server.url).post('/api/auth/login', { staffId: 'c03', password: 'demo' }), 401, 'unauthorized');
    // Enabled again, with the password they had: a disabled person's sessions stay ended.
    await ok(
      'changeSettings',
      h.change('staff', (list) => list.map((s: any) => (s.id === 'c03' ? { ...s, disabled: false } : s))),
    );
    await refused(c03.get('/api/windows'), 401, 'unauthorized');
    await login(h.server.url, 'c03', 'demo');
  });

  it('a person changes their own password with the current one, which counts as a login would', async () => {
    const h = await openConsole(halls);
    const c04 = api(h.server.url, await login(h.server.url, 'c04', 'demo'));
    await refused(c04.post('/api/auth/password', { current: 'wrong', next: 'lhasa-2026' }), 401, 'unauthorized');
    await ok('changePassword', c04.post('/api/auth/password', { current: 'demo', next: 'lhasa-2026' }));
    await ok('windows', c04.get('/api/windows'));
    await login(h.server.url, 'c04', 'lhasa-2026');
    await refused(api(h.server.url).post('/api/auth/login', { staffId: 'c04', password: 'demo' }), 401, 'unauthorized');
  });
});

describe('devices: registered, keyed, revoked in the console', () => {
  it('a new kiosk works with the key shown once, and is refused at once when it is revoked, its stream cut too', async () => {
    const h = await openConsole(halls);
    await ok(
      'changeSettings',
      h.change('devices', (d) => ({
        ...d,
        kiosks: [...d.kiosks, { id: 'kiosk-9', name: '二楼自助机', zone: 'A' }],
      })),
    );
    await refused(h.manager.post('/api/settings/devices/kiosk-404/key', { requestId: rid() }), 404, 'not_found');
    const { key } = await ok(
      'issueDeviceKey',
      h.manager.post('/api/settings/devices/kiosk-9/key', { requestId: rid() }),
    );
    expect((await h.settings()).deviceKeys).toContain('kiosk-9');
    const kiosk9 = api(h.server.url, key);
    await ok('issueTicket', kiosk9.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    const feed = halls.keep(await connect(h.server.url, { room: 'kiosk', token: key }));
    await ok('revokeDeviceKey', h.manager.post('/api/settings/devices/kiosk-9/revoke', { requestId: rid() }));
    await refused(kiosk9.post('/api/tickets', { windowType: 'personal', requestId: rid() }), 401, 'unauthorized');
    await until(() => !feed.socket.connected);
    // The other kiosks are untouched.
    await ok(
      'issueTicket',
      api(h.server.url, KIOSK_KEY).post('/api/tickets', { windowType: 'personal', requestId: rid() }),
    );
  });

  it('a rotated key replaces the old one, and a device removed from the settings loses its key for good', async () => {
    const h = await openConsole(halls);
    const first = await ok('issueDeviceKey', h.manager.post('/api/settings/devices/kiosk-1/key', { requestId: rid() }));
    const issue = (key: string) =>
      api(h.server.url, key).post('/api/tickets', { windowType: 'personal', requestId: rid() });
    await refused(issue(KIOSK_KEY), 401, 'unauthorized');
    await ok('issueTicket', issue(first.key));
    const before = (await h.settings()).version;
    await ok(
      'changeSettings',
      h.change('devices', (d) => ({ ...d, kiosks: d.kiosks.filter((k: any) => k.id !== 'kiosk-1') })),
    );
    await ok(
      'rollbackSettings',
      h.manager.post('/api/settings/rollback', { requestId: rid(), baseVersion: before + 1, toVersion: before }),
    );
    expect((await h.settings()).hall.devices.kiosks.map((k) => k.id)).toContain('kiosk-1');
    await refused(issue(first.key), 401, 'unauthorized');
  });
});

describe('who may change the settings', () => {
  it('the manager may; a clerk, a guide, a device may not; a chief representative only where the hall allows, in their department', async () => {
    const h = await openConsole(halls);
    const url = h.server.url;
    const clerk = api(url, await login(url, 'c01', 'demo'));
    const guide = api(url, await login(url, 'g01', 'demo'));
    const chief = api(url, await login(url, 'z01', 'demo'));
    const body = { requestId: rid(), baseVersion: 1, value: {} };
    for (const who of [clerk, guide, api(url, KIOSK_KEY), api(url)]) {
      for (const [path, payload] of [
        ['/api/settings/sections/policy', body],
        ['/api/settings/rollback', { requestId: rid(), baseVersion: 1, toVersion: 1 }],
        ['/api/settings/staff/c01/password', { requestId: rid() }],
        ['/api/settings/devices/kiosk-1/key', { requestId: rid() }],
        ['/api/settings/devices/kiosk-1/revoke', { requestId: rid() }],
        ['/api/settings/catalogue/preview', { format: 'csv', content: '' }],
        ['/api/settings/catalogue/import', { format: 'csv', content: '', requestId: rid(), baseVersion: 1 }],
      ] as const) {
        expect([401, 403]).toContain((await who.post(path, payload)).status);
      }
      expect([401, 403]).toContain((await who.get('/api/settings')).status);
      for (const path of [
        '/api/settings/history',
        '/api/settings/versions/1',
        '/api/settings/catalogue.xlsx',
        '/api/settings/catalogue.csv',
        '/api/settings/hall.yaml',
      ])
        expect([401, 403], path).toContain((await who.get(path)).status);
    }
    // A person's own password is a person's: no device key and no anonymous caller may change one.
    for (const who of [api(url, KIOSK_KEY), api(url)])
      expect([401, 403]).toContain(
        (await who.post('/api/auth/password', { current: 'demo', next: 'lhasa-2026' })).status,
      );
    await refused(chief.get('/api/settings'), 403, 'forbidden');
    await refused(chief.post('/api/settings/staff/c01/password', { requestId: rid() }), 403, 'forbidden');
    await ok(
      'changeSettings',
      h.change('policy', (p) => ({ ...p, chiefsEditOwnDepartment: true })),
    );
    const view = await ok('settings', chief.get('/api/settings'));
    // Their own department's people only, and no devices.
    expect(new Set(view.hall.staff.map((s) => s.department))).toEqual(new Set(['hrss']));
    expect([view.hall.devices.kiosks, view.deviceKeys]).toEqual([[], []]);
    const items = view.hall.serviceItems;
    const mine = items.map((i) => (i.code === 'unemployment-benefit' ? { ...i, promisedWorkingDays: 3 } : i));
    const changed = await ok(
      'changeSettings',
      chief.post('/api/settings/sections/serviceItems', { requestId: rid(), baseVersion: view.version, value: mine }),
    );
    expect(changed.changes).toEqual([
      { section: 'serviceItems', key: 'unemployment-benefit', kind: 'changed', fields: ['promisedWorkingDays'] },
    ]);
    const theirs = items.map((i) => (i.code === 'id-card-renewal' ? { ...i, feeYuan: 99 } : i));
    const refusal = await refused(
      chief.post('/api/settings/sections/serviceItems', {
        requestId: rid(),
        baseVersion: changed.version,
        value: theirs,
      }),
      403,
      'forbidden',
    );
    expect(refusal.message).toMatch(/id-card-renewal is of department "police", not yours/);
    const policy = { ...view.hall.policy, priorityBurst: 9 };
    await refused(
      chief.post('/api/settings/sections/policy', { requestId: rid(), baseVersion: changed.version, value: policy }),
      403,
      'forbidden',
    );
  });
});
