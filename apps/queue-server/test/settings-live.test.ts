import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { openConsole } from './settings-console';
import { DISPLAY_KEY, KIOSK_KEY, api, connect, hallPerTest, login, rid, until } from './harness';

const halls = hallPerTest();

/** The manager's console: the settings, a change of one section, the history, a rollback. */

const newType = {
  code: 'pension',
  prefix: 'R',
  name: { zh: '养老认证', en: 'Pension check' },
  kind: 'sector',
  targetWaitMinutes: 15,
  defaultServiceMinutes: 5,
};

describe('settings changed in the console take effect without a restart', () => {
  it("a kiosk sees a new window type's tile at once through its stream, and takes a ticket of it", async () => {
    const h = await openConsole(halls);
    const kioskFeed = halls.keep(await connect(h.server.url, { room: 'kiosk', token: KIOSK_KEY }));
    expect(kioskFeed.snapshot.hallVersion).toBe(1);
    const types = await ok(
      'changeSettings',
      h.change('windowTypes', (list) => [...list, newType]),
    );
    expect(types.version).toBe(2);
    const windows = await h.change('windows', (list) =>
      list.map((w: any) => (w.number === 3 ? { ...w, serves: [...w.serves, 'pension'] } : w)),
    );
    expect((await ok('changeSettings', windows)).changes).toEqual([
      { section: 'windows', key: '3', kind: 'changed', fields: ['serves'] },
    ]);
    const changed = () =>
      kioskFeed.events.filter(
        (e): e is EventEnvelope & { event: { type: 'hall.changed' } } => e.event.type === 'hall.changed',
      );
    await until(() => changed().length === 2, 1000);
    expect(changed()[0]!.event.hall.windowTypes.map((t) => t.code)).toContain('pension');
    expect(changed()[1]!.event.hall.version).toBe(3);
    // The queues follow in the same batch: the tile has its figures at once.
    await until(() =>
      kioskFeed.events.some(
        (e) => e.event.type === 'queues.updated' && e.event.queues.some((q) => q.windowType === 'pension'),
      ),
    );
    const ticket = await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'pension', requestId: rid() }));
    expect(ticket.ticket.number).toBe('R001');
    expect((await ok('hall', api(h.server.url).get('/api/hall'))).version).toBe(3);
  });

  it("a counter calls the types its window serves now: a clerk's served types change between two calls", async () => {
    const h = await openConsole(halls);
    const clerk = api(h.server.url, await login(h.server.url, 'c03', 'demo', 3));
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'legal', requestId: rid() }));
    const before = await ok('callNext', clerk.post('/api/windows/3/call-next', { requestId: rid() }));
    expect(before.ticket).toBeNull();
    await ok(
      'changeSettings',
      h.change('windows', (list) => list.map((w: any) => (w.number === 3 ? { ...w, serves: ['legal'] } : w))),
    );
    const after = await ok('callNext', clerk.post('/api/windows/3/call-next', { requestId: rid() }));
    expect(after.ticket?.windowType).toBe('legal');
  });

  it('a holiday declared in the console closes the hall that day for the kiosk', async () => {
    const h = await openConsole(halls);
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    // Wednesday 11 June 2025 (the test's day): the hall file's hours are ignored in tests, the calendar is not.
    await ok(
      'changeSettings',
      h.change('calendar', (c) => ({ ...c, holidays: [...c.holidays, '2025-06-11'] })),
    );
    await refused(h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }), 409, 'closed_today');
  });

  it('a change of the policy applies to the next request (the no-show rule)', async () => {
    const h = await openConsole(halls);
    await ok(
      'changeSettings',
      h.change('policy', (p) => ({ ...p, noShowAfterCalls: 1 })),
    );
    const clerk = api(h.server.url, await login(h.server.url, 'c02', 'demo', 2));
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    await ok('callNext', clerk.post('/api/windows/2/call-next', { requestId: rid() }));
    await ok('noShow', clerk.post('/api/windows/2/no-show', { requestId: rid() }));
  });
});

describe('a change that is wrong, stale or would strand work is refused, and nothing changes', () => {
  it('names the path of each bad value (400), as the hall file would', async () => {
    const h = await openConsole(halls);
    const bad = await refused(
      h.change('windows', (list) =>
        list.map((w: any) => (w.number === 2 ? { ...w, callMode: 'loudest', floor: 'one' } : w)),
      ),
      400,
      'validation_failed',
    );
    expect(bad.fields?.map((f) => f.path).sort()).toEqual(['windows[1].callMode', 'windows[1].floor']);
    // What the sections' schemas cannot see, the references between them, is named the same way.
    const unknownType = await refused(
      h.change('windows', (list) => list.map((w: any) => (w.number === 2 ? { ...w, serves: ['nope'] } : w))),
      400,
      'validation_failed',
    );
    expect(unknownType.fields).toEqual([{ path: 'windows[1].serves[0]', message: 'unknown window type "nope"' }]);
    const unknown = await refused(
      h.change('policy', (p) => ({ ...p, colour: 'red' })),
      400,
      'validation_failed',
    );
    expect(unknown.fields).toEqual([{ path: 'policy.colour', message: 'unknown field' }]);
    const secret = await refused(
      h.change('staff', (list) =>
        list.map((s: any, i: number) =>
          i === 0 ? { ...s, passwordHash: `scrypt$${'a'.repeat(32)}$${'b'.repeat(64)}` } : s,
        ),
      ),
      400,
      'validation_failed',
    );
    expect(secret.fields?.[0]?.path).toBe('staff[0].passwordHash');
    await refused(
      h.manager.post('/api/settings/sections/timeZone', { requestId: rid(), baseVersion: 1, value: 'UTC' }),
      400,
      'validation_failed',
    );
    expect((await h.settings()).version).toBe(1);
  });

  it('refuses a change made against an older version: two editors cannot undo each other unseen', async () => {
    const h = await openConsole(halls);
    const first = await h.settings();
    await ok(
      'changeSettings',
      h.change('policy', (p) => ({ ...p, priorityBurst: 3 })),
    );
    const stale = await refused(
      h.manager.post('/api/settings/sections/policy', {
        requestId: rid(),
        baseVersion: first.version,
        value: { ...first.hall.policy, priorityBurst: 4 },
      }),
      409,
      'settings_changed',
    );
    expect(stale.message).toMatch(/since version 1 \(now 2, by staff:admin\)/);
    expect((await h.settings()).hall.policy.priorityBurst).toBe(3);
  });

  it('refuses leaving waiting tickets with no window, and disabling a clerk who works at a window', async () => {
    const h = await openConsole(halls);
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'legal', requestId: rid() }));
    const stranded = await refused(
      h.change('windows', (list) =>
        list.map((w: any) => ({
          ...w,
          serves: w.serves
            .filter((t: string) => t !== 'legal')
            .concat(w.serves.length === 1 && w.serves[0] === 'legal' ? ['personal'] : []),
        })),
      ),
      409,
      'strands_work',
    );
    expect(stranded.message).toMatch(/ticket\(s\) of "legal" are open today \(B001\) and no window would serve them/);
    await login(h.server.url, 'c05', 'demo', 5);
    const busy = await refused(
      h.change('staff', (list) => list.map((s: any) => (s.id === 'c05' ? { ...s, disabled: true } : s))),
      409,
      'strands_work',
    );
    expect(busy.fields).toEqual([
      { path: 'staff[4].disabled', message: expect.stringMatching(/c05 is logged in at window 5/) },
    ]);
    expect((await h.settings()).version).toBe(1);
  });
});

describe('the history of the settings', () => {
  it('lists who changed what and when, and a rollback makes the earlier hall current again as a new version', async () => {
    const h = await openConsole(halls);
    const display = halls.keep(await connect(h.server.url, { room: 'hall', token: DISPLAY_KEY }));
    await ok(
      'changeSettings',
      h.change('windowTypes', (list) => [...list, newType]),
    );
    await ok(
      'changeSettings',
      h.change('policy', (p) => ({ ...p, priorityBurst: 5 })),
    );
    const { versions } = await ok('settingsHistory', h.manager.get('/api/settings/history'));
    expect(versions.map((v) => [v.version, v.source, v.actor])).toEqual([
      [3, 'console', 'staff:admin'],
      [2, 'console', 'staff:admin'],
      [1, 'file', 'hall-file'],
    ]);
    expect(versions[1]!.changes).toEqual([{ section: 'windowTypes', key: 'pension', kind: 'added', fields: [] }]);
    const back = await ok(
      'rollbackSettings',
      h.manager.post('/api/settings/rollback', { requestId: rid(), baseVersion: 3, toVersion: 1 }),
    );
    expect(back.version).toBe(4);
    expect(back.changes.map((c) => `${c.section}:${c.key}`).sort()).toEqual(['policy:null', 'windowTypes:pension']);
    const now = await h.settings();
    expect(now.hall.windowTypes.map((t) => t.code)).not.toContain('pension');
    expect(now.hall.policy.priorityBurst).toBe(2);
    const v4 = await ok('settingsVersion', h.manager.get('/api/settings/versions/4'));
    expect(v4.info).toMatchObject({ source: 'rollback', rolledBackTo: 1 });
    await until(() => display.events.filter((e) => e.event.type === 'hall.changed').length === 3);
    await refused(h.kiosk.post('/api/tickets', { windowType: 'pension', requestId: rid() }), 400, 'validation_failed');
  });

  it("keeps the console's versions over a restart with the same hall file", async () => {
    const h = await openConsole(halls);
    await ok(
      'changeSettings',
      h.change('policy', (p) => ({ ...p, priorityBurst: 4 })),
    );
    await h.server.close();
    const again = await halls.open({ dataDir: h.server.dataDir });
    const manager = api(again.server.url, await login(again.server.url, 'admin', 'admin'));
    const after = await ok('settings', manager.get('/api/settings'));
    expect([after.version, after.hall.policy.priorityBurst]).toEqual([2, 4]);
  });
});
