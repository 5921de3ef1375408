import { describe, expect, it } from 'vitest';
import type { SocketAuth } from '@hallq/shared/contracts';
import { DeviceEnvelope, DeviceSnapshot, EventEnvelope, Snapshot } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { DISPLAY_KEY, KIOSK_KEY, api, connect, hallPerTest, rid, until } from './harness';

const halls = hallPerTest();

/** The clerks' words and the citizen's details that must stay with staff. */
const REASON = '申请材料不符合法定形式，依法不予受理';
const NOTE = '户籍迁出需先到公安窗口核验，已电话告知家属';
const CASE_NUMBER = 'SL-2025-0611-000123';
const MISSING = '房屋所有权证复印件';
const SECRETS = [REASON, NOTE, CASE_NUMBER, MISSING];

const leaks = (value: unknown) => SECRETS.filter((s) => JSON.stringify(value).includes(s));

describe('devices see tickets as their public view only', () => {
  it("after a refusal, a transfer with a note, a case number and missing materials, no device hears the clerk's words; staff do", async () => {
    const { server, kiosk } = await halls.open();
    const pub = api(server.url);
    const login = await ok('login', pub.post('/api/auth/login', { staffId: 'c02', password: 'demo', window: 2 }));
    const clerk = api(server.url, login.token);
    const act = (action: string, body: Record<string, unknown> = {}) =>
      ok('callNext', clerk.post(`/api/windows/2/${action}`, { requestId: rid(action), ...body }));

    const socket = (auth: SocketAuth) => connect(server.url, auth).then(halls.keep);
    const staff = await socket({ room: 'window', window: 2, token: login.token });
    const devices = {
      hallDisplay: await socket({ room: 'hall', token: DISPLAY_KEY }),
      kiosk: await socket({ room: 'kiosk', token: KIOSK_KEY }),
      windowScreen: await socket({ room: 'window', window: 2, token: 'demo-window-2' }),
      ratingPad: await socket({ room: 'window', window: 2, token: 'demo-rating-2' }),
      // The window the ticket is transferred to shows it next.
      otherWindowScreen: await socket({ room: 'window', window: 5, token: 'demo-window-5' }),
    };

    for (let i = 0; i < 4; i++) {
      await ok('issueTicket', kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid('issue') }));
    }
    const serve = async (outcome: Record<string, unknown>) => {
      await act('call-next');
      await act('start');
      await act('finish', { outcome });
    };
    await serve({ kind: 'rejected', reason: REASON });
    await serve({ kind: 'accepted', promisedDate: '2025-06-18', caseNumber: CASE_NUMBER });
    await serve({ kind: 'incomplete', missingMaterials: [MISSING] });
    await act('call-next');
    await act('transfer', { toWindowType: 'cross-region', note: NOTE });

    // Staff hear everything.
    await until(() => leaks(staff.events).length === SECRETS.length);
    const lastSeq = staff.events.at(-1)!.seq;
    for (const e of staff.events) EventEnvelope.parse(e);

    for (const [name, device] of Object.entries(devices)) {
      await until(() => device.events.at(-1)?.seq === lastSeq);
      expect(leaks(device.events), name).toEqual([]);
      expect(leaks(device.snapshot), name).toEqual([]);
      // Every ticket in a device's stream is the public view, and nothing more.
      for (const e of device.events) DeviceEnvelope.parse(e);
      const tickets = device.events.flatMap((e) => ('ticket' in e.event ? [e.event.ticket] : []));
      expect(tickets.length, name).toBeGreaterThan(0);
      for (const t of tickets) expect(Object.keys(t).sort(), name).toEqual(PUBLIC_FIELDS);
    }

    // A device connecting now: its snapshot holds only tickets at a window (the transferred one waits, so it is in
    // the queue counts, not the snapshot), and nothing of the clerks' words; a staff one has the ticket and its note.
    const late = await socket({ room: 'hall', token: DISPLAY_KEY });
    DeviceSnapshot.parse(late.snapshot);
    expect(late.snapshot.tickets.find((t) => t.number === 'A004')).toBeUndefined();
    for (const t of late.snapshot.tickets) {
      expect(Object.keys(t).sort()).toEqual(PUBLIC_FIELDS);
      expect(['called', 'serving']).toContain(t.state);
    }
    expect(leaks(late.snapshot)).toEqual([]);
    const lateStaff = await socket({ room: 'window', window: 2, token: login.token });
    expect(Snapshot.parse(lateStaff.snapshot).tickets.find((t) => t.number === 'A004')?.transfer?.note).toBe(NOTE);

    // The device-key reads over HTTP: the window the ticket waits at, and every window.
    const window5 = await ok('window', api(server.url, DISPLAY_KEY).get('/api/windows/5'));
    expect(window5.queues.flatMap((q) => q.next.map((t) => t.number))).toContain('A004');
    expect(leaks(window5)).toEqual([]);
    const windows = await ok('windows', api(server.url, KIOSK_KEY).get('/api/windows'));
    expect(leaks(windows)).toEqual([]);
  });
});

const PUBLIC_FIELDS = ['calls', 'id', 'number', 'state', 'window', 'windowType'];
