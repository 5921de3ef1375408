import { describe, expect, it } from 'vitest';
import type { DeviceEvent, EventEnvelope } from '@hallq/shared/contracts';
import { DeviceEnvelope, DeviceSnapshot, publicGuideCall } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import {
  DISPLAY_KEY,
  WEDNESDAY_10_00,
  api,
  connect,
  demoHall,
  hallPerTest,
  login,
  manualClock,
  rid,
  until,
  type ManualClock,
} from './harness';

/** The demo hall's kiosk upstairs (二楼行业综窗区); kiosk-1 stands downstairs. */
const SECOND_KIOSK_KEY = 'demo-kiosk-2';

const halls = hallPerTest();

async function openHall(options: { dataDir?: string; clock?: ManualClock } = {}) {
  const { server, clock, kiosk } = await halls.open({ hall: demoHall(), ...options });
  const press = (reason?: string, requestId = rid('guide')) =>
    ok('callGuide', kiosk.post('/api/guide-calls', { requestId, ...(reason && { reason }) }));
  const display = async () => {
    const c = halls.keep(await connect(server.url, { room: 'hall', token: DISPLAY_KEY }));
    return { ...c, snapshot: DeviceSnapshot.parse(c.snapshot) };
  };
  // g01 is the floor guide of 一楼, where kiosk-1 stands.
  const staff = async (id = 'g01', window?: number) =>
    api(server.url, await login(server.url, id, id === 'admin' ? 'admin' : 'demo', window));
  return { server, clock, kiosk, press, display, staff };
}

type GuideEvent = Extract<DeviceEvent, { type: 'guide.called' | 'guide.answered' }>;
/** The guide events a device (the display) received, checked against the device stream's schema. */
const guideEvents = (events: EventEnvelope[]) =>
  events
    .map((e) => DeviceEnvelope.parse(e).event)
    .filter((e): e is GuideEvent => e.type === 'guide.called' || e.type === 'guide.answered');

describe('呼叫导办: a kiosk calls a guide', () => {
  it('staff screens are alerted, the snapshot lists the open call, and the answer reaches everyone', async () => {
    const h = await openHall();
    const display = await h.display();
    expect(display.snapshot.guideCalls).toEqual([]);

    // The kiosk, like every device, is told the public view of a call: not its zone, reason or who answered by id.
    const { call } = await h.press('priority');
    expect(call).toEqual({
      id: expect.any(String),
      kiosk: 'kiosk-1',
      calledAt: WEDNESDAY_10_00,
      answeredAt: null,
      answeredByName: null,
    });
    await until(() => display.events.length > 0);
    // The alert alone: a guide call changes no queue.
    expect(display.events.map((e) => e.event)).toEqual([{ type: 'guide.called', call }]);

    const guide = await h.staff('g01');
    const whole = {
      ...call,
      kioskName: '一楼大厅取号机',
      zone: '一楼综合受理区',
      reason: 'priority',
      answeredBy: null,
    };
    expect(await ok('guideCalls', guide.get('/api/guide-calls'))).toEqual({ calls: [whole] });
    expect((await h.display()).snapshot.guideCalls).toEqual([call]);
    expect(await ok('guideCall', h.kiosk.get(`/api/guide-calls/${call.id}`))).toEqual({ call });

    h.clock.advanceMinutes(2);
    const answered = await ok('answerGuide', guide.post(`/api/guide-calls/${call.id}/answer`, { requestId: rid() }));
    expect(answered.call).toEqual({
      ...whole,
      answeredAt: '2025-06-11T02:02:00.000Z',
      answeredBy: 'g01',
      answeredByName: '卓玛',
    });
    await until(() => guideEvents(display.events).length === 2);
    const seen = publicGuideCall(answered.call);
    expect(guideEvents(display.events)[1]).toEqual({ type: 'guide.answered', call: seen });
    expect(await ok('guideCalls', guide.get('/api/guide-calls'))).toEqual({ calls: [] });
    expect((await h.display()).snapshot.guideCalls).toEqual([]);
    // The kiosk can now tell the citizen who is coming.
    expect(await ok('guideCall', h.kiosk.get(`/api/guide-calls/${call.id}`))).toEqual({ call: seen });

    const twice = await refused(
      (await h.staff('admin')).post(`/api/guide-calls/${call.id}/answer`, { requestId: rid() }),
      409,
      'invalid_state',
    );
    expect(twice.message).toMatch(/already answered by g01/);
    await refused(guide.post('/api/guide-calls/no-such-call/answer', { requestId: rid() }), 404, 'not_found');
    await refused(h.kiosk.get('/api/guide-calls/no-such-call'), 404, 'not_found');
  });

  it('pressing again while the call waits gives the same call and no second alert; once answered, a new call', async () => {
    const h = await openHall();
    const display = await h.display();
    const first = (await h.press()).call;
    // A kiosk is told its own call as every device sees one: not the zone, the reason or who answered by id.
    expect(Object.keys(first).sort()).toEqual(['answeredAt', 'answeredByName', 'calledAt', 'id', 'kiosk']);
    h.clock.advanceMinutes(1);
    expect((await h.press('language')).call).toEqual(first);
    // The same request again is idempotent, like every write.
    const requestId = rid('again');
    expect((await h.press(undefined, requestId)).call).toEqual(first);
    expect((await h.press(undefined, requestId)).call).toEqual(first);

    // Another kiosk's call is its own, with its own zone.
    const upstairs = api(h.server.url, SECOND_KIOSK_KEY);
    const other = (await ok('callGuide', upstairs.post('/api/guide-calls', { requestId: rid() }))).call;
    expect(other.kiosk).toBe('kiosk-2');
    expect(other.id).not.toBe(first.id);

    const manager = await h.staff('admin');
    const open = (await ok('guideCalls', manager.get('/api/guide-calls'))).calls;
    expect(open.map((c) => [c.id, c.zone, c.reason])).toEqual([
      [first.id, '一楼综合受理区', 'general'],
      [other.id, '二楼行业综窗区', 'general'],
    ]);
    await ok('answerGuide', manager.post(`/api/guide-calls/${first.id}/answer`, { requestId: rid() }));
    const next = (await h.press('appointment')).call;
    expect(next.id).not.toBe(first.id);
    const calls = (await ok('guideCalls', manager.get('/api/guide-calls'))).calls;
    expect(calls.find((c) => c.id === next.id)?.reason).toBe('appointment');

    await until(() => guideEvents(display.events).length === 4);
    expect(guideEvents(display.events).map((e) => [e.type, e.call.id])).toEqual([
      ['guide.called', first.id],
      ['guide.called', other.id],
      ['guide.answered', first.id],
      ['guide.called', next.id],
    ]);
  });

  it("a kiosk reads only its own calls: another kiosk's call is not found", async () => {
    const h = await openHall();
    const { call } = await h.press();
    const upstairs = api(h.server.url, SECOND_KIOSK_KEY);
    const e = await refused(upstairs.get(`/api/guide-calls/${call.id}`), 404, 'not_found');
    expect(e.message).toContain(call.id);
    expect((await ok('guideCall', h.kiosk.get(`/api/guide-calls/${call.id}`))).call.id).toBe(call.id);
  });

  it('an open call survives a restart; at the next hall day it no longer shows, and the kiosk may call anew', async () => {
    const clock = manualClock(WEDNESDAY_10_00);
    const first = await openHall({ clock });
    const { call } = await first.press();
    const dataDir = first.server.dataDir;
    await first.server.close();

    const again = await openHall({ dataDir, clock });
    expect((await again.display()).snapshot.guideCalls).toEqual([call]);
    expect((await again.press()).call).toEqual(call);

    clock.set('2025-06-12T01:00:00.000Z'); // Thursday 09:00
    expect((await again.display()).snapshot.guideCalls).toEqual([]);
    const thursday = (await again.press()).call;
    expect(thursday.id).not.toBe(call.id);
    // Yesterday's call can still be read and answered.
    expect((await ok('guideCall', again.kiosk.get(`/api/guide-calls/${call.id}`))).call.answeredAt).toBeNull();
    const guide = await again.staff();
    await ok('answerGuide', guide.post(`/api/guide-calls/${call.id}/answer`, { requestId: rid() }));
    expect((await ok('guideCalls', guide.get('/api/guide-calls'))).calls).toMatchObject([thursday]);
  });

  it("a call reaches the floor's guide and the manager; the other floor's guide and its clerks see it withheld", async () => {
    const h = await openHall();
    const [g01, g02] = [await login(h.server.url, 'g01', 'demo'), await login(h.server.url, 'g02', 'demo')];
    // c11 holds the A post of window 11, upstairs (二楼行业综窗区).
    const c11 = await login(h.server.url, 'c11', 'demo', 11);
    const sockets = {
      g01: halls.keep(await connect(h.server.url, { room: 'hall', token: g01 })),
      g02: halls.keep(await connect(h.server.url, { room: 'hall', token: g02 })),
      c11: halls.keep(await connect(h.server.url, { room: 'window', window: 11, token: c11 })),
    };
    const { call } = await h.press();
    await until(() => Object.values(sockets).every((s) => s.events.length > 0));
    expect(sockets.g01.events.map((e) => e.event)).toMatchObject([{ type: 'guide.called', call }]);
    // The sequence stays whole for the others: they learn something happened, not what.
    expect(sockets.g02.events.map((e) => e.event)).toEqual([{ type: 'withheld' }]);
    expect(sockets.c11.events.map((e) => e.event)).toEqual([{ type: 'withheld' }]);
    expect(sockets.c11.events[0]!.seq).toBe(sockets.g01.events[0]!.seq);

    const upstairs = api(h.server.url, g02);
    expect(await ok('guideCalls', upstairs.get('/api/guide-calls'))).toEqual({ calls: [] });
    expect(await ok('guideCalls', api(h.server.url, c11).get('/api/guide-calls'))).toEqual({ calls: [] });
    const notTheirs = await refused(
      upstairs.post(`/api/guide-calls/${call.id}/answer`, { requestId: rid() }),
      403,
      'forbidden',
    );
    expect(notTheirs.message).toMatch(/for the guides of 一楼综合受理区/);
    await refused(
      api(h.server.url, c11).post(`/api/guide-calls/${call.id}/answer`, { requestId: rid() }),
      403,
      'forbidden',
    );
    // A snapshot holds only the calls that reach its reader.
    expect((await connect(h.server.url, { room: 'hall', token: g02 })).snapshot.guideCalls).toEqual([]);
    expect((await connect(h.server.url, { room: 'hall', token: g01 })).snapshot.guideCalls).toMatchObject([call]);
    expect((await ok('guideCalls', (await h.staff('admin')).get('/api/guide-calls'))).calls).toMatchObject([call]);
  });

  it('where no guide covers a zone, the clerks at its windows get its calls, and nobody on another floor', async () => {
    const demo = demoHall();
    const hall = { ...demo, staff: demo.staff.filter((s) => s.id !== 'g02') };
    const { server } = await halls.open({ hall });
    const c11 = api(server.url, await login(server.url, 'c11', 'demo', 11));
    const c01 = api(server.url, await login(server.url, 'c01', 'demo', 1));
    const { call } = await ok(
      'callGuide',
      api(server.url, SECOND_KIOSK_KEY).post('/api/guide-calls', { requestId: rid() }),
    );
    expect(await ok('guideCalls', c11.get('/api/guide-calls'))).toMatchObject({ calls: [call] });
    expect(await ok('guideCalls', c01.get('/api/guide-calls'))).toEqual({ calls: [] });
    const answered = await ok('answerGuide', c11.post(`/api/guide-calls/${call.id}/answer`, { requestId: rid() }));
    expect(answered.call.answeredBy).toBe('c11');
  });
});
