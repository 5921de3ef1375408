import { describe, expect, it } from 'vitest';
import type { DeviceEnvelope, DeviceEvent, HallConfig, SocketAuth } from '@hallq/shared/contracts';
import {
  DeviceEnvelope as DeviceEnvelopeSchema,
  DeviceSnapshot,
  EventEnvelope as EventEnvelopeSchema,
  Snapshot,
} from '@hallq/shared/contracts';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { ok, refused } from './expect-reply';
import { DISPLAY_KEY, KIOSK_KEY, api, connect, demoHall, hallPerTest, login, rid, until } from './harness';

const halls = hallPerTest();

type WindowActionName = 'call-next' | 'recall' | 'no-show' | 'start' | 'finish' | 'transfer' | 'pause' | 'resume';

/** A test hall on a hand-moved clock, with a kiosk, the public and helpers for clerks and displays. */
async function openHall(options: { hall?: HallConfig; start?: string } = {}) {
  const { server, clock, kiosk } = await halls.open(options);
  const pub = api(server.url);

  /** Issues a ticket one second after the last, so ranks (issue instants) are distinct and ordered. */
  const issue = (windowType = 'personal', extra: Record<string, unknown> = {}) => {
    clock.advanceMs(1000);
    return ok('issueTicket', kiosk.post('/api/tickets', { windowType, requestId: rid('issue'), ...extra }));
  };

  const clerk = async (staffId: string, window: number, extra: { takeOver?: boolean } = {}) => {
    const res = await ok('login', pub.post('/api/auth/login', { staffId, password: 'demo', window, ...extra }));
    const client = api(server.url, res.token);
    const act = (action: WindowActionName, body: Record<string, unknown> = {}, atWindow = window) =>
      client.post(`/api/windows/${atWindow}/${action}`, { requestId: rid(action), ...body });
    /** Calls the next ticket, starts and finishes it as done on the spot; the number it served. */
    const serveNext = async () => {
      const called = await ok('callNext', act('call-next'));
      expect(called.ticket, `window ${window} found nobody to call`).not.toBeNull();
      await ok('start', act('start'));
      clock.advanceMs(60_000);
      await ok('finish', act('finish', { outcome: { kind: 'completed' } }));
      return { number: called.ticket!.number, window: called.window };
    };
    return { login: res, token: res.token, api: client, act, serveNext };
  };

  /** A staff connection (whole tickets) or, with `device`, a device's (the public view of each ticket). */
  const socket = async (auth: SocketAuth, device = false) => {
    const c = halls.keep(await connect(server.url, auth));
    (device ? DeviceSnapshot : Snapshot).parse(c.snapshot);
    return c;
  };
  const display = () => socket({ room: 'hall', token: DISPLAY_KEY }, true);

  const status = (token: string) => ok('ticketStatus', pub.get(`/api/tickets/status/${token}`));
  const windowDetail = (n: number) => ok('window', api(server.url, KIOSK_KEY).get(`/api/windows/${n}`));
  const queues = () => ok('queues', pub.get('/api/queues'));
  const queue = async (windowType: string) => (await queues()).queues.find((q) => q.windowType === windowType)!;
  const nextAt = async (n: number, windowType = 'personal') =>
    (await windowDetail(n)).queues.find((q) => q.windowType === windowType)!.next.map((t) => t.number);
  const seq = async () => (await ok('health', pub.get('/api/health'))).seq;

  return { server, clock, kiosk, pub, issue, clerk, socket, display, status, windowDetail, queues, queue, nextAt, seq };
}

/**
 * The envelopes a client collected, each validated against the contract (a device's stream unless `staff`); seq must
 * rise by exactly one.
 */
function checkedStream(events: DeviceEnvelope[], staff = false): DeviceEnvelope[] {
  const parsed = events.map((e) => (staff ? EventEnvelopeSchema : DeviceEnvelopeSchema).parse(e));
  for (let i = 1; i < parsed.length; i++) expect(parsed[i]!.seq).toBe(parsed[i - 1]!.seq + 1);
  return parsed;
}

const ofType = <T extends DeviceEvent['type']>(events: DeviceEnvelope[], type: T) =>
  events.map((e) => e.event).filter((e): e is Extract<DeviceEvent, { type: T }> => e.type === type);

describe('a ticket from the kiosk to finished', () => {
  it('is issued, called, recalled, served and finished over HTTP, seen by the display, the window panel and the status page', async () => {
    const h = await openHall();
    const display = await h.display();
    const startSeq = display.snapshot.seq;

    const a1 = await h.issue('personal');
    expect(a1.ticket.number).toBe('A001');
    expect(a1.ticket.state).toBe('waiting');
    expect(a1.ticket.windowType).toBe('personal');
    expect(a1.peopleAhead).toBe(0);
    expect(a1.estimatedWaitMinutes).toBeNull(); // no window is open yet
    expect(a1.windows).toEqual([1, 2, 3, 4, 5, 8, 16]);
    expect(a1.statusToken).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(a1.statusPath).toBe(`/t/${a1.statusToken}`);

    await until(() => display.events.some((e) => e.event.type === 'queues.updated'));
    const [issuedEvent, queuesEvent] = checkedStream(display.events);
    expect(issuedEvent!.seq).toBe(startSeq + 1);
    expect(issuedEvent!.event).toMatchObject({ type: 'ticket.issued', ticket: { number: 'A001' } });
    expect(queuesEvent!.seq).toBe(issuedEvent!.seq + 1);
    expect(queuesEvent!.event.type).toBe('queues.updated');

    expect(await h.status(a1.statusToken)).toMatchObject({
      number: 'A001',
      state: 'waiting',
      peopleAhead: 0,
      window: null,
      calls: 0,
    });

    const c01 = await h.clerk('c01', 1);
    expect(c01.login.staff).toEqual({ id: 'c01', name: '次仁卓玛', role: 'clerk' });
    expect(c01.login.window).toMatchObject({ number: 1, status: 'open', clerk: 'c01', post: 'A' });
    const panel = await h.socket({ room: 'window', token: c01.token, window: 1 });

    // With window 1 open, a new ticket gets an estimate: one person ahead, 8 minutes each, one window.
    const a2 = await h.issue('personal');
    expect(a2.ticket.number).toBe('A002');
    expect(a2.peopleAhead).toBe(1);
    expect(a2.estimatedWaitMinutes).toBe(8);

    const called = await ok('callNext', c01.act('call-next'));
    expect(called.ticket).toMatchObject({ number: 'A001', state: 'called', calls: 1, window: 1, clerk: 'c01' });
    expect(called.window.currentTicket).toBe(a1.ticket.id);
    await until(() => ofType(display.events, 'ticket.called').length === 1);
    expect(ofType(display.events, 'ticket.called')[0]).toMatchObject({ window: 1, ticket: { number: 'A001' } });
    await until(() => ofType(panel.events, 'ticket.called').length === 1);
    expect(await h.status(a1.statusToken)).toMatchObject({ state: 'called', window: 1, calls: 1, peopleAhead: null });
    expect(await h.status(a2.statusToken)).toMatchObject({ state: 'waiting', peopleAhead: 0 });

    const recalled = await ok('recall', c01.act('recall'));
    expect(recalled.ticket).toMatchObject({ number: 'A001', state: 'called', calls: 2 });
    await until(() => ofType(display.events, 'ticket.recalled').length === 1);
    expect(ofType(display.events, 'ticket.recalled')[0]).toMatchObject({ window: 1, ticket: { calls: 2 } });

    const started = await ok('start', c01.act('start'));
    expect(started.ticket).toMatchObject({ number: 'A001', state: 'serving' });
    expect(started.ticket!.startedAt).toBe(h.clock.now().toISOString());

    h.clock.advanceMinutes(6);
    const outcome = { kind: 'accepted', promisedDate: '2025-06-20', caseNumber: 'LS-2025-0001' } as const;
    const finished = await ok('finish', c01.act('finish', { outcome }));
    expect(finished.ticket).toMatchObject({ number: 'A001', state: 'finished', outcome });
    expect(finished.window.currentTicket).toBeNull();
    expect(await h.status(a1.statusToken)).toMatchObject({ state: 'finished', window: 1, peopleAhead: null });

    const w1 = await h.windowDetail(1);
    expect(w1.state).toMatchObject({ status: 'open', clerk: 'c01', currentTicket: null });
    expect(w1.current).toBeNull();
    expect(w1.queues.map((q) => [q.windowType, q.waiting])).toEqual([
      ['help', 0],
      ['personal', 1],
    ]);
    expect(await h.nextAt(1)).toEqual(['A002']);

    // The estimate now uses the day's one service time (6 minutes) instead of the default 8.
    expect(await h.queue('personal')).toMatchObject({
      waiting: 1,
      issuedToday: 2,
      servingWindows: [1],
      estimatedWaitMinutes: 6,
      open: true,
      closed: null,
    });

    const lastSeq = await h.seq();
    await until(() => display.events.at(-1)?.seq === lastSeq && panel.events.at(-1)?.seq === lastSeq);
    const stream = checkedStream(display.events);
    expect(checkedStream(panel.events, true).map((e) => e.seq)).toEqual(
      stream.filter((e) => e.seq > panel.snapshot.seq).map((e) => e.seq),
    );
    expect(
      ofType(stream, 'ticket.updated')
        .filter((e) => e.ticket.number === 'A001')
        .map((e) => [e.previousState, e.ticket.state]),
    ).toEqual([
      ['called', 'serving'],
      ['serving', 'finished'],
    ]);

    // A client that asks for a resync gets a snapshot up to the last event it saw.
    const resynced = DeviceSnapshot.parse(await display.socket.timeout(2000).emitWithAck('resync'));
    expect(resynced.seq).toBe(stream.at(-1)!.seq);
    // A display's snapshot holds the tickets at a window (none now); A002 waits, counted in the queues.
    expect(resynced.tickets).toEqual([]);
    expect(resynced.queues.find((q) => q.windowType === 'personal')?.waiting).toBe(1);
    expect(resynced.windows.find((w) => w.number === 1)).toMatchObject({ status: 'open', clerk: 'c01' });

    // A display that reconnects gets the call history, newest first.
    display.socket.disconnect();
    const again = await h.display();
    expect(again.snapshot.seq).toBe(lastSeq);
    expect(again.snapshot.recentCalls.map((c) => [c.number, c.window, c.recall])).toEqual([
      ['A001', 1, true],
      ['A001', 1, false],
    ]);
  });
});

describe('transfers', () => {
  it('a ticket transferred to a window type is called first there, ahead of normal tickets, and keeps its number', async () => {
    const h = await openHall();
    const c01 = await h.clerk('c01', 1);
    const a1 = await h.issue('personal');
    const c1 = await h.issue('social-security');
    expect(c1.ticket.number).toBe('C001');

    await ok('callNext', c01.act('call-next'));
    await ok('start', c01.act('start'));
    const moved = await ok('transfer', c01.act('transfer', { toWindowType: 'social-security', note: '社保卡挂失' }));
    expect(moved.ticket).toMatchObject({
      number: 'A001',
      state: 'transferred',
      windowType: 'social-security',
      window: null,
      calls: 0,
      transfer: { fromWindow: 1, toWindowType: 'social-security', note: '社保卡挂失' },
    });
    expect(moved.window.currentTicket).toBeNull();
    expect(await h.status(a1.statusToken)).toMatchObject({
      number: 'A001',
      state: 'transferred',
      windowType: 'social-security',
      peopleAhead: 0,
    });
    expect(await h.status(c1.statusToken)).toMatchObject({ peopleAhead: 1 });

    const c11 = await h.clerk('c11', 11);
    const first = await ok('callNext', c11.act('call-next'));
    // The note was written for this window: it stays on the ticket while window 11 serves it.
    const handedOver = { fromWindow: 1, toWindowType: 'social-security', note: '社保卡挂失' };
    expect(first.ticket).toMatchObject({ number: 'A001', state: 'called', window: 11, transfer: handedOver });
    expect((await ok('start', c11.act('start'))).ticket).toMatchObject({ state: 'serving', transfer: handedOver });
    const done = await ok('finish', c11.act('finish', { outcome: { kind: 'completed' } }));
    expect(done.ticket).toMatchObject({ state: 'finished', transfer: handedOver });
    expect((await c11.serveNext()).number).toBe('C001');
  });

  it('a ticket transferred to one window is called only there, ahead of older tickets', async () => {
    const h = await openHall();
    const c01 = await h.clerk('c01', 1);
    await h.issue('personal'); // A001
    await h.issue('personal'); // A002
    await h.issue('personal'); // A003

    await ok('callNext', c01.act('call-next'));
    await ok('start', c01.act('start'));
    // 转交 as the outcome of a service, to window 2 by number.
    const moved = await ok('finish', c01.act('finish', { outcome: { kind: 'transferred', toWindow: 2 } }));
    expect(moved.ticket).toMatchObject({
      number: 'A001',
      state: 'transferred',
      windowType: 'personal',
      transfer: { fromWindow: 1, toWindow: 2, toWindowType: 'personal' },
      outcome: { kind: 'transferred', toWindow: 2, toWindowType: 'personal' },
    });

    // Window 3 serves the same type but the ticket was handed to window 2: it calls A002.
    const c03 = await h.clerk('c03', 3);
    expect((await c03.serveNext()).number).toBe('A002');
    const c02 = await h.clerk('c02', 2);
    const called = await ok('callNext', c02.act('call-next'));
    expect(called.ticket).toMatchObject({ number: 'A001', window: 2, outcome: null });
  });
});

describe('no-show and reactivation', () => {
  it('a ticket called twice may be marked no-show, and reactivated goes back policy.reactivateBehind places behind the head', async () => {
    const h = await openHall();
    const c01 = await h.clerk('c01', 1);
    const a1 = await h.issue('personal');
    for (let i = 0; i < 5; i++) await h.issue('personal'); // A002…A006

    await ok('callNext', c01.act('call-next'));
    const early = await refused(c01.act('no-show'), 409, 'not_enough_calls');
    expect(early.message).toMatch(/called 1 time.*after 2 calls/);
    await ok('recall', c01.act('recall'));
    const gone = await ok('noShow', c01.act('no-show'));
    expect(gone.ticket).toMatchObject({ number: 'A001', state: 'no_show', calls: 2, window: 1 });
    expect(gone.window.currentTicket).toBeNull();
    expect(await h.status(a1.statusToken)).toMatchObject({ state: 'no_show', peopleAhead: null });

    h.clock.advanceMinutes(10);
    // At the guide desk (导办台), where a citizen who missed the call is sent.
    const desk = api(h.server.url, await login(h.server.url, 'g01', 'demo'));
    const back = await ok('reactivateTicket', desk.post('/api/tickets/A001/reactivate', { requestId: rid() }));
    expect(back.ticket).toMatchObject({ number: 'A001', state: 'waiting', calls: 0, window: null, clerk: null });
    expect(await h.status(a1.statusToken)).toMatchObject({ state: 'waiting', peopleAhead: 3 });
    expect(await h.nextAt(1)).toEqual(['A002', 'A003', 'A004', 'A001', 'A005']);

    const order: string[] = [];
    for (let i = 0; i < 6; i++) order.push((await c01.serveNext()).number);
    expect(order).toEqual(['A002', 'A003', 'A004', 'A001', 'A005', 'A006']);
  });
});

describe('the window itself', () => {
  it('pauses for lunch (no calls, not counted as serving) and resumes', async () => {
    const h = await openHall();
    const c01 = await h.clerk('c01', 1);
    await h.issue('personal');

    const paused = await ok('pause', c01.act('pause', { reason: 'lunch' }));
    expect(paused.window).toMatchObject({ status: 'paused', pauseReason: 'lunch', clerk: 'c01' });
    expect(paused.ticket).toBeNull();
    await refused(c01.act('call-next'), 409, 'invalid_state');
    expect(await h.queue('personal')).toMatchObject({ servingWindows: [], estimatedWaitMinutes: null });
    expect((await h.queues()).emptyPosts).toEqual(['personal']);
    expect((await h.windowDetail(1)).state).toMatchObject({ status: 'paused', pauseReason: 'lunch' });

    const resumed = await ok('resume', c01.act('resume'));
    expect(resumed.window).toMatchObject({ status: 'open', pauseReason: null });
    expect(await h.queue('personal')).toMatchObject({ servingWindows: [1] });
    expect((await h.queues()).emptyPosts).toEqual([]);
    expect((await ok('callNext', c01.act('call-next'))).ticket?.number).toBe('A001');
  });

  it('the B clerk takes over at once (AB岗), citizen and all, when the A clerk has gone; A may no longer act there', async () => {
    const h = await openHall();
    const display = await h.display();
    const c01 = await h.clerk('c01', 1);
    await h.issue('personal');
    await h.issue('personal');
    const called = await ok('callNext', c01.act('call-next'));

    const c20 = await h.clerk('c20', 1, { takeOver: true });
    expect(c20.login.window).toMatchObject({
      number: 1,
      status: 'open',
      clerk: 'c20',
      post: 'B',
      currentTicket: called.ticket!.id,
    });
    await until(() => ofType(display.events, 'window.updated').some((e) => e.window.clerk === 'c20'));
    expect((await h.windowDetail(1)).state).toMatchObject({ status: 'open', clerk: 'c20', post: 'B' });

    const denied = await refused(c01.act('start'), 403, 'forbidden');
    expect(denied.message).toContain('c20');
    await refused(c01.act('call-next'), 403, 'forbidden');

    // The citizen at the counter carries on with the B clerk.
    const started = await ok('start', c20.act('start'));
    expect(started.ticket).toMatchObject({ number: 'A001', state: 'serving', clerk: 'c20' });
    await ok('finish', c20.act('finish', { outcome: { kind: 'completed' } }));
    expect((await ok('callNext', c20.act('call-next'))).ticket?.number).toBe('A002');

    // The A clerk logging out does not close the window the B clerk now holds.
    await ok('logout', c01.api.post('/api/auth/logout'));
    expect((await h.windowDetail(1)).state).toMatchObject({ status: 'open', clerk: 'c20' });
  });
});

/** The demo hall with policy.priorityPath priority_ticket: any window type takes priority tickets. */
function priorityTicketHall(): HallConfig {
  const hall = demoHall();
  return { ...hall, policy: { ...hall.policy, priorityPath: 'priority_ticket' } };
}

describe('call order', () => {
  it('priority tickets are called first, but at most policy.priorityBurst in a row while normal tickets wait', async () => {
    const h = await openHall({ hall: priorityTicketHall() });
    const c02 = await h.clerk('c02', 2);
    await h.issue('personal'); // A001
    await h.issue('personal'); // A002
    await h.issue('personal', { priority: 'elderly' }); // A003
    await h.issue('personal', { priority: 'disabled' }); // A004
    const a5 = await h.issue('personal', { priority: 'pregnant' }); // A005
    expect(a5.ticket.priority).toBe('pregnant');
    expect(a5.peopleAhead).toBe(2); // behind the other priority tickets, ahead of the normal ones

    const order: [string, number][] = [];
    for (let i = 0; i < 5; i++) {
      const { number, window } = await c02.serveNext();
      order.push([number, (await h.windowDetail(2)).state.priorityStreak]);
      expect(window.number).toBe(2);
    }
    expect(order).toEqual([
      ['A003', 1],
      ['A004', 2],
      ['A001', 0],
      ['A005', 1],
      ['A002', 0],
    ]);
  });

  it('an appointment checks in within its window of time and, once its slot starts, is called before normal tickets', async () => {
    const h = await openHall();
    const c02 = await h.clerk('c02', 2);

    const booked = await ok(
      'createAppointment',
      c02.api.post('/api/appointments', {
        requestId: rid('book'),
        windowType: 'personal',
        serviceItem: 'birth-registration',
        slotStart: '2025-06-11T11:00:00+08:00',
      }),
    );
    expect(booked).toMatchObject({
      windowType: 'personal',
      serviceItem: 'birth-registration',
      slotStart: '2025-06-11T03:00:00.000Z',
      hallDay: '2025-06-11',
      ticketNumber: null,
    });
    const later = await ok(
      'createAppointment',
      c02.api.post('/api/appointments', {
        requestId: rid('book'),
        windowType: 'personal',
        slotStart: '2025-06-11T11:30:00+08:00',
      }),
    );

    await h.issue('personal'); // A001
    await h.issue('personal'); // A002

    const tooEarly = await refused(
      h.kiosk.post('/api/tickets', { appointmentCode: booked.code, requestId: rid() }),
      409,
      'appointment_too_early',
    );
    expect(tooEarly.opensAt).toBe('2025-06-11T02:30:00.000Z');

    h.clock.set('2025-06-11T02:50:00.000Z'); // 10:50, ten minutes before the slot
    const checkedIn = await ok(
      'issueTicket',
      h.kiosk.post('/api/tickets', { appointmentCode: booked.code, requestId: rid() }),
    );
    expect(checkedIn.ticket).toMatchObject({
      number: 'A003',
      windowType: 'personal',
      serviceItem: 'birth-registration',
      appointment: { code: booked.code, slotStart: '2025-06-11T03:00:00.000Z' },
    });
    expect(checkedIn.peopleAhead).toBe(2); // not due yet: it queues as a normal ticket
    await refused(
      h.kiosk.post('/api/tickets', { appointmentCode: booked.code, requestId: rid() }),
      409,
      'appointment_used',
    );

    h.clock.set('2025-06-11T02:55:00.000Z');
    expect((await c02.serveNext()).number).toBe('A001');
    h.clock.set('2025-06-11T03:01:00.000Z'); // the slot has started
    expect(await h.status(checkedIn.statusToken)).toMatchObject({ peopleAhead: 0 });
    expect((await c02.serveNext()).number).toBe('A003');
    expect((await c02.serveNext()).number).toBe('A002');

    h.clock.set('2025-06-11T03:46:00.000Z'); // 11:46, sixteen minutes after the 11:30 slot
    const missed = await refused(
      h.kiosk.post('/api/tickets', { appointmentCode: later.code, requestId: rid() }),
      409,
      'appointment_missed',
    );
    expect(missed.message).toMatch(/normal ticket/);
  });
});

describe('idempotency', () => {
  it('the same issue request twice returns the identical ticket and issues no new number', async () => {
    const h = await openHall();
    const display = await h.display();
    const body = { windowType: 'personal', requestId: rid('kiosk-print') };
    const first = await ok('issueTicket', h.kiosk.post('/api/tickets', body));
    const second = await ok('issueTicket', h.kiosk.post('/api/tickets', body));
    expect(second).toEqual(first);
    expect(await h.queue('personal')).toMatchObject({ waiting: 1, issuedToday: 1 });
    expect((await h.issue('personal')).ticket.number).toBe('A002');
    const lastSeq = await h.seq();
    await until(() => display.events.at(-1)?.seq === lastSeq);
    expect(ofType(checkedStream(display.events), 'ticket.issued').map((e) => e.ticket.number)).toEqual([
      'A001',
      'A002',
    ]);

    // The same requestId on another route is refused, whoever sends it.
    const c02 = await h.clerk('c02', 2);
    const reusedAtWindow = await refused(
      c02.api.post('/api/windows/2/call-next', { requestId: body.requestId }),
      409,
      'request_id_reused',
    );
    expect(reusedAtWindow.message).toContain(body.requestId);
    await refused(h.kiosk.post('/api/tickets/A001/cancel', { requestId: body.requestId }), 409, 'request_id_reused');
    expect((await h.windowDetail(2)).state.currentTicket).toBeNull();
  });

  it('a double call-next with the same requestId calls once', async () => {
    const h = await openHall();
    const display = await h.display();
    const c02 = await h.clerk('c02', 2);
    await h.issue('personal');
    await h.issue('personal');
    const requestId = rid('double-click');
    const [one, two] = await Promise.all([
      ok('callNext', c02.api.post('/api/windows/2/call-next', { requestId })),
      ok('callNext', c02.api.post('/api/windows/2/call-next', { requestId })),
    ]);
    expect(one.ticket?.number).toBe('A001');
    expect(two).toEqual(one);
    const three = await ok('callNext', c02.api.post('/api/windows/2/call-next', { requestId }));
    expect(three).toEqual(one);
    expect(await h.nextAt(2)).toEqual(['A002']);
    const lastSeq = await h.seq();
    await until(() => display.events.at(-1)?.seq === lastSeq);
    expect(ofType(display.events, 'ticket.called')).toHaveLength(1);
  });
});

describe('the citizen gives up', () => {
  it('a waiting ticket is cancelled from the phone page', async () => {
    const h = await openHall();
    const display = await h.display();
    const a1 = await h.issue('personal');
    const cancelled = await ok(
      'giveUpTicket',
      h.pub.post(`/api/tickets/status/${a1.statusToken}/cancel`, { requestId: rid(), reason: '有事先走' }),
    );
    expect(cancelled).toMatchObject({ number: 'A001', state: 'cancelled', peopleAhead: null });
    expect(await h.status(a1.statusToken)).toMatchObject({ state: 'cancelled' });
    expect(await h.queue('personal')).toMatchObject({ waiting: 0, issuedToday: 1 });
    await until(() => ofType(display.events, 'ticket.updated').length === 1);
    expect(ofType(display.events, 'ticket.updated')[0]).toMatchObject({
      previousState: 'waiting',
      ticket: { number: 'A001', state: 'cancelled' },
    });
    await refused(
      h.pub.post(`/api/tickets/status/${a1.statusToken}/cancel`, { requestId: rid() }),
      409,
      'invalid_state',
    );
  });

  it('a called ticket given up frees its window for the next call', async () => {
    const h = await openHall();
    const c02 = await h.clerk('c02', 2);
    const a1 = await h.issue('personal');
    await h.issue('personal');
    await ok('callNext', c02.act('call-next'));
    await ok('giveUpTicket', h.pub.post(`/api/tickets/status/${a1.statusToken}/cancel`, { requestId: rid() }));
    expect((await h.windowDetail(2)).state.currentTicket).toBeNull();
    expect((await ok('callNext', c02.act('call-next'))).ticket?.number).toBe('A002');

    // The same when staff cancel a called ticket by its number.
    const cancelled = await ok('cancelTicket', c02.api.post('/api/tickets/A002/cancel', { requestId: rid() }));
    expect(cancelled.ticket).toMatchObject({ number: 'A002', state: 'cancelled' });
    expect((await h.windowDetail(2)).state.currentTicket).toBeNull();
    expect((await ok('callNext', c02.act('call-next'))).ticket).toBeNull(); // nobody left, and not window_busy
  });
});

describe('when tickets are refused', () => {
  it('a window type with dailyCap 2 refuses the third ticket with cap_reached', async () => {
    const base = demoHall();
    const hall: HallConfig = {
      ...base,
      windowTypes: base.windowTypes.map((t) => (t.code === 'personal' ? { ...t, dailyCap: 2 } : t)),
    };
    const h = await openHall({ hall });
    await h.issue('personal');
    await h.issue('personal');
    const capped = await refused(
      h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }),
      409,
      'cap_reached',
    );
    expect(capped.message).toContain('2');
    expect(capped.opensAt).toBeNull();
    expect(await h.queue('personal')).toMatchObject({
      issuedToday: 2,
      dailyCap: 2,
      open: false,
      closed: { code: 'cap_reached', opensAt: null },
    });
    expect((await h.issue('legal')).ticket.number).toBe('B001');
  });

  it('the real demo hall refuses at closed hours with the code and when it opens again', async () => {
    const h = await openHall({ hall: loadHallConfig(DEMO_HALL_PATH), start: '2025-06-11T04:30:00.000Z' });
    const take = (windowType: string) => h.kiosk.post('/api/tickets', { windowType, requestId: rid() });

    // Wednesday 12:30: sector windows are at lunch until 13:30; the comprehensive windows serve through lunch.
    const lunch = await refused(take('social-security'), 409, 'lunch_break');
    expect(lunch.opensAt).toBe('2025-06-11T05:30:00.000Z');
    expect(await h.queue('social-security')).toMatchObject({
      open: false,
      closed: { code: 'lunch_break', opensAt: '2025-06-11T05:30:00.000Z' },
    });
    expect((await ok('issueTicket', take('personal'))).ticket.number).toBe('A001');

    h.clock.set('2025-06-11T00:00:00.000Z'); // Wednesday 08:00
    expect((await refused(take('personal'), 409, 'not_yet_open')).opensAt).toBe('2025-06-11T01:00:00.000Z');
    h.clock.set('2025-06-11T10:00:00.000Z'); // Wednesday 18:00
    expect((await refused(take('tax'), 409, 'closed_for_day')).opensAt).toBe('2025-06-12T01:00:00.000Z');
    h.clock.set('2025-06-15T02:00:00.000Z'); // Sunday 10:00
    const sunday = await refused(take('personal'), 409, 'closed_today');
    expect(sunday.opensAt).toBe('2025-06-16T01:00:00.000Z');
    expect(sunday.message).toMatch(/Sunday/);
  });
});
