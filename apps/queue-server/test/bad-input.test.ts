import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteContract, SocketAuth } from '@hallq/shared/contracts';
import { ERROR_STATUS, ErrorBody, routes } from '@hallq/shared/contracts';
import { refused as refusedWith } from './expect-reply';
import {
  DISPLAY_KEY,
  KIOSK_KEY,
  WEDNESDAY_10_00,
  api,
  connect,
  demoHall,
  login,
  manualClock,
  rid,
  startTestServer,
  type Reply,
  type TestServer,
} from './harness';

/** Every reply of this file, so the last test can check that none was a 500. */
const replies: { what: string; status: number }[] = [];

/** A refusal in the one error shape, with its code and the status the contract gives that code. */
async function refused(reply: Promise<Reply> | Reply, status: number, code: keyof typeof ERROR_STATUS) {
  const error = await refusedWith(reply, status, code);
  expect(ERROR_STATUS[code]).toBe(status);
  return error;
}

/** The paths of the invalid fields a validation_failed refusal names. */
async function invalidFields(reply: Promise<Reply> | Reply): Promise<string[]> {
  const error = await refused(reply, 400, 'validation_failed');
  expect(error.fields, 'validation_failed names its fields').toBeDefined();
  for (const f of error.fields!) expect(error.message).toContain(f.path);
  return error.fields!.map((f) => f.path);
}

/** A request with whatever headers and body the test wants, over real HTTP. */
async function raw(
  url: string,
  method: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  const res = await fetch(url, { method, headers: options.headers ?? {}, body: options.body ?? null });
  const text = await res.text();
  replies.push({ what: `${method} ${url}`, status: res.status });
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // left as text: the assertion on its shape will say what came back
  }
  return { status: res.status, body };
}

describe('bad input over HTTP', () => {
  let server: TestServer;
  const clock = manualClock(WEDNESDAY_10_00);
  let kiosk: ReturnType<typeof api>;
  let display: ReturnType<typeof api>;
  let pub: ReturnType<typeof api>;
  let c01: ReturnType<typeof api>;
  let c02: ReturnType<typeof api>;
  /** The floor guide of 一楼: the guide desk reactivates no-shows. */
  let desk: ReturnType<typeof api>;
  let c01Token: string;
  /** A waiting ticket (A001) and its status token. */
  let waitingToken: string;

  const tracked = (client: ReturnType<typeof api>): ReturnType<typeof api> => {
    const track =
      <A extends unknown[]>(fn: (...args: A) => Promise<Reply>) =>
      async (...args: A) => {
        const r = await fn(...args);
        replies.push({ what: String(args[0]), status: r.status });
        return r;
      };
    return { get: track(client.get), post: track(client.post), postRaw: track(client.postRaw) };
  };
  const act = (client: ReturnType<typeof api>, window: number, action: string, body: Record<string, unknown> = {}) =>
    client.post(`/api/windows/${window}/${action}`, { requestId: rid(action), ...body });

  beforeAll(async () => {
    server = await startTestServer({ hall: demoHall(), clock: clock.now });
    kiosk = tracked(api(server.url, KIOSK_KEY));
    display = tracked(api(server.url, DISPLAY_KEY));
    pub = tracked(api(server.url));
    c01Token = await login(server.url, 'c01', 'demo', 1);
    c01 = tracked(api(server.url, c01Token));
    c02 = tracked(api(server.url, await login(server.url, 'c02', 'demo', 2)));
    desk = tracked(api(server.url, await login(server.url, 'g01', 'demo')));
    const issued = await kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() });
    expect(issued.status).toBe(201);
    waitingToken = issued.body.statusToken;
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('400 validation_failed names each invalid field', () => {
    it('a missing or malformed requestId, and a missing windowType', async () => {
      expect(await invalidFields(kiosk.post('/api/tickets', { windowType: 'personal' }))).toEqual(['requestId']);
      expect(await invalidFields(kiosk.post('/api/tickets', { requestId: 'short' }))).toEqual([
        'requestId',
        'windowType',
      ]);
      expect(
        await invalidFields(kiosk.post('/api/tickets', { windowType: 'personal', requestId: 'has space!' })),
      ).toEqual(['requestId']);
      expect(await invalidFields(c01.post('/api/windows/1/call-next', {}))).toEqual(['requestId']);
    });

    it('nested fields by their path: outcome.promisedDate, outcome.kind, outcome.toWindowType', async () => {
      expect((await act(c02, 2, 'call-next')).body.ticket).toMatchObject({ number: 'A001' });
      expect((await act(c02, 2, 'start')).status).toBe(200);
      expect(await invalidFields(act(c02, 2, 'finish', { outcome: { kind: 'accepted' } }))).toEqual([
        'outcome.promisedDate',
      ]);
      expect(
        await invalidFields(act(c02, 2, 'finish', { outcome: { kind: 'accepted', promisedDate: 'next Tuesday' } })),
      ).toEqual(['outcome.promisedDate']);
      expect(await invalidFields(act(c02, 2, 'finish', { outcome: { kind: 'done' } }))).toEqual(['outcome.kind']);
      expect(
        await invalidFields(act(c02, 2, 'finish', { outcome: { kind: 'incomplete', missingMaterials: [] } })),
      ).toEqual(['outcome.missingMaterials']);
      expect(await invalidFields(act(c02, 2, 'finish', { outcome: { kind: 'transferred' } }))).toEqual([
        'outcome.toWindowType',
      ]);
      expect(await invalidFields(act(c02, 2, 'finish', {}))).toEqual(['outcome']);
      expect(
        await invalidFields(act(c02, 2, 'finish', { outcome: { kind: 'completed', note: 'x', by: 'y' } })),
      ).toEqual(['outcome.note', 'outcome.by']);
      // Nothing of the refused requests happened: the ticket is still being served.
      const w2 = await display.get('/api/windows/2');
      expect(w2.body.current).toMatchObject({ number: 'A001', state: 'serving' });
    });

    it('unknown fields, wrong types and bad enum values', async () => {
      expect(
        await invalidFields(kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid(), colour: 'red' })),
      ).toEqual(['colour']);
      expect(await invalidFields(kiosk.post('/api/tickets', { windowType: 7, requestId: rid() }))).toEqual([
        'windowType',
      ]);
      expect(
        await invalidFields(kiosk.post('/api/tickets', { windowType: 'personal', priority: 'vip', requestId: rid() })),
      ).toEqual(['priority']);
      expect(await invalidFields(act(c01, 1, 'pause', { reason: 'nap' }))).toEqual(['reason']);
      expect(await invalidFields(pub.post('/api/auth/login', { staffId: 'c01', password: 'demo', window: 0 }))).toEqual(
        ['window'],
      );
      expect(
        await invalidFields(
          c01.post('/api/appointments', { requestId: rid(), windowType: 'personal', slotStart: '2025-06-11 11:00' }),
        ),
      ).toEqual(['slotStart']);
      expect(
        await invalidFields(
          c01.post('/api/appointments', {
            requestId: rid(),
            windowType: 'personal',
            slotStart: '2025-06-11T09:00:00+08:00',
          }),
        ),
      ).toEqual(['slotStart']); // already begun
    });

    it('a raw resident ID number in place of a sealed card read, or both an appointment code and a card', async () => {
      expect(
        await invalidFields(kiosk.post('/api/tickets', { idCard: '54010219900101123X', requestId: rid() })),
      ).toEqual(['idCard']);
      expect(
        await invalidFields(
          kiosk.post('/api/tickets', {
            appointmentCode: '123456',
            idCard: `c1.${'A'.repeat(16)}.${'B'.repeat(60)}`,
            requestId: rid(),
          }),
        ),
      ).toEqual(['idCard']);
      expect(
        await invalidFields(
          c01.post('/api/appointments', {
            requestId: rid(),
            windowType: 'personal',
            slotStart: '2025-06-11T11:00:00+08:00',
            idNumber: '5401021990',
          }),
        ),
      ).toEqual(['idNumber']);
      expect(await invalidFields(kiosk.post('/api/guide-calls', { requestId: rid(), reason: 'lonely' }))).toEqual([
        'reason',
      ]);
    });

    it('an unknown window type or service item names the field', async () => {
      expect(await invalidFields(kiosk.post('/api/tickets', { windowType: 'passports', requestId: rid() }))).toEqual([
        'windowType',
      ]);
      expect(
        await invalidFields(
          kiosk.post('/api/tickets', { windowType: 'personal', serviceItem: 'moon-landing', requestId: rid() }),
        ),
      ).toEqual(['serviceItem']);
      // A sector window type handles only its own items.
      expect(
        await invalidFields(
          kiosk.post('/api/tickets', { windowType: 'tax', serviceItem: 'marriage-registration', requestId: rid() }),
        ),
      ).toEqual(['serviceItem']);
      expect(
        await invalidFields(
          c01.post('/api/appointments', {
            requestId: rid(),
            windowType: 'passports',
            slotStart: '2025-06-11T11:00:00+08:00',
          }),
        ),
      ).toEqual(['windowType']);
      expect((await kiosk.get('/api/queues')).body.queues[0].issuedToday).toBe(1);
    });

    it('a transfer to an unknown window type or window names the field', async () => {
      expect(await invalidFields(act(c02, 2, 'transfer', { toWindowType: 'passports' }))).toEqual(['toWindowType']);
      expect(await invalidFields(act(c02, 2, 'transfer', { toWindow: 99 }))).toEqual(['toWindow']);
      expect(await invalidFields(act(c02, 2, 'transfer', { toWindow: 2 }))).toEqual(['toWindow']);
      expect(await invalidFields(act(c02, 2, 'transfer', { toWindow: 3, toWindowType: 'tax' }))).toEqual([
        'toWindowType',
      ]);
      expect(await invalidFields(act(c02, 2, 'transfer', {}))).toEqual(['toWindowType']);
      expect(
        await invalidFields(act(c02, 2, 'finish', { outcome: { kind: 'transferred', toWindowType: 'passports' } })),
      ).toEqual(['outcome.toWindowType']);
    });

    it('malformed path parameters name the parameter', async () => {
      expect(await invalidFields(display.get('/api/windows/abc'))).toEqual(['id']);
      expect(await invalidFields(display.get('/api/windows/-1'))).toEqual(['id']);
      expect(await invalidFields(pub.get('/api/tickets/status/short'))).toEqual(['token']);
      expect(await invalidFields(kiosk.post('/api/tickets/a1/cancel', { requestId: rid() }))).toEqual(['number']);
    });

    it('malformed JSON, a wrong content type, an empty or non-object body (400), and a body over the limit (413)', async () => {
      const url = `${server.url}/api/tickets`;
      const auth = { authorization: `Bearer ${KIOSK_KEY}` };
      const json = { ...auth, 'content-type': 'application/json' };
      await refused(raw(url, 'POST', { headers: json, body: '{"windowType": "personal",' }), 400, 'validation_failed');
      await refused(raw(url, 'POST', { headers: json, body: '' }), 400, 'validation_failed');
      await refused(
        raw(url, 'POST', {
          headers: { ...auth, 'content-type': 'text/plain' },
          body: JSON.stringify({ windowType: 'personal', requestId: rid() }),
        }),
        400,
        'validation_failed',
      );
      await refused(
        raw(url, 'POST', { headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' }),
        400,
        'validation_failed',
      );
      expect(await invalidFields(raw(url, 'POST', { headers: json, body: '[]' }))).toEqual(['body']);
      expect(await invalidFields(raw(url, 'POST', { headers: json, body: '"A001"' }))).toEqual(['body']);
      expect(await invalidFields(raw(url, 'POST', { headers: json, body: 'null' }))).toContain('requestId');
      expect(await invalidFields(raw(url, 'POST', { headers: auth }))).toContain('requestId');
      const huge = JSON.stringify({ windowType: 'personal', requestId: rid(), note: 'x'.repeat(200_000) });
      const tooLarge = await refused(raw(url, 'POST', { headers: json, body: huge }), 413, 'payload_too_large');
      expect(tooLarge.message).toMatch(/64 KiB/);
      expect((await kiosk.get('/api/queues')).body.queues[0].issuedToday).toBe(1);
    });
  });

  describe('404 not_found', () => {
    it('an unknown route or method', async () => {
      await refused(pub.get('/api/nothing-here'), 404, 'not_found');
      await refused(pub.get('/api/tickets'), 404, 'not_found');
      await refused(raw(`${server.url}/api/queues`, 'DELETE'), 404, 'not_found');
      await refused(pub.get('/'), 404, 'not_found');
    });

    it('an unknown window, ticket number or status token', async () => {
      await refused(display.get('/api/windows/99'), 404, 'not_found');
      await refused(act(c01, 99, 'call-next'), 404, 'not_found');
      await refused(kiosk.post('/api/tickets/A999/cancel', { requestId: rid() }), 404, 'not_found');
      await refused(desk.post('/api/tickets/Z001/reactivate', { requestId: rid() }), 404, 'not_found');
      const unknownToken = 'x'.repeat(24);
      await refused(pub.get(`/api/tickets/status/${unknownToken}`), 404, 'not_found');
      await refused(pub.post(`/api/tickets/status/${unknownToken}/cancel`, { requestId: rid() }), 404, 'not_found');
      const appt = await refused(
        kiosk.post('/api/tickets', { appointmentCode: '000000', requestId: rid() }),
        404,
        'not_found',
      );
      expect(appt.fields?.map((f) => f.path)).toEqual(['appointmentCode']);
    });
  });

  describe('409 state conflicts say why', () => {
    // Window 3, clerk c03, with its own tickets: the other tests' windows are left alone.
    let c03: ReturnType<typeof api>;
    beforeAll(async () => {
      c03 = tracked(api(server.url, await login(server.url, 'c03', 'demo', 3)));
    });

    it('recall, start, finish and no-show with nothing called', async () => {
      for (const action of ['recall', 'start', 'no-show']) {
        const e = await refused(act(c03, 3, action), 409, 'invalid_state');
        expect(e.message).toMatch(/no ticket is called at window 3/);
      }
      await refused(act(c03, 3, 'finish', { outcome: { kind: 'completed' } }), 409, 'invalid_state');
      await refused(act(c03, 3, 'resume'), 409, 'invalid_state');
    });

    it('call-next while a ticket is in play, start twice, finish before start, no-show after one call', async () => {
      await kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() });
      const called = await act(c03, 3, 'call-next');
      expect(called.status).toBe(200);
      const number = called.body.ticket.number as string;

      const busy = await refused(act(c03, 3, 'call-next'), 409, 'window_busy');
      expect(busy.message).toContain(number);
      const early = await refused(act(c03, 3, 'finish', { outcome: { kind: 'completed' } }), 409, 'invalid_state');
      expect(early.message).toMatch(/only a ticket being served can be finished/);
      const noShow = await refused(act(c03, 3, 'no-show'), 409, 'not_enough_calls');
      expect(noShow.message).toMatch(/called 1 time.*2 calls/);
      const pause = await refused(act(c03, 3, 'pause', { reason: 'meeting' }), 409, 'invalid_state');
      expect(pause.message).toMatch(/finish or transfer it before pausing/);

      expect((await act(c03, 3, 'start')).status).toBe(200);
      const twice = await refused(act(c03, 3, 'start'), 409, 'invalid_state');
      expect(twice.message).toMatch(/being served at window 3; only a called ticket can start/);
      await refused(act(c03, 3, 'recall'), 409, 'invalid_state');
      const cancel = await refused(
        kiosk.post(`/api/tickets/${number}/cancel`, { requestId: rid() }),
        409,
        'invalid_state',
      );
      expect(cancel.message).toMatch(/being served/);
      expect((await act(c03, 3, 'finish', { outcome: { kind: 'completed' } })).status).toBe(200);
    });

    it('reactivating a waiting or finished ticket', async () => {
      const issued = await kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() });
      const waiting = await refused(
        desk.post(`/api/tickets/${issued.body.ticket.number}/reactivate`, { requestId: rid() }),
        409,
        'invalid_state',
      );
      expect(waiting.message).toMatch(/is waiting; only a no-show ticket can be reactivated/);
      // A002 was served to the end at window 3 above.
      const finished = await refused(
        desk.post('/api/tickets/A002/reactivate', { requestId: rid() }),
        409,
        'invalid_state',
      );
      expect(finished.message).toMatch(/A002 is finished/);
    });

    it('a cancelled ticket cannot be given up again', async () => {
      const issued = await kiosk.post('/api/tickets', { windowType: 'legal', requestId: rid() });
      const token = issued.body.statusToken as string;
      expect((await pub.post(`/api/tickets/status/${token}/cancel`, { requestId: rid() })).status).toBe(200);
      const e = await refused(
        pub.post(`/api/tickets/status/${token}/cancel`, { requestId: rid() }),
        409,
        'invalid_state',
      );
      expect(e.message).toMatch(/cancelled/);
    });
  });

  describe('401 unauthorized', () => {
    it('no token, a bad token, a wrong password', async () => {
      await refused(pub.post('/api/tickets', { windowType: 'personal', requestId: rid() }), 401, 'unauthorized');
      await refused(pub.get('/api/windows'), 401, 'unauthorized');
      await refused(
        tracked(api(server.url, 'not-a-key')).post('/api/tickets', { windowType: 'personal', requestId: rid() }),
        401,
        'unauthorized',
      );
      await refused(
        raw(`${server.url}/api/windows`, 'GET', { headers: { authorization: 'Basic YzAxOmRlbW8=' } }),
        401,
        'unauthorized',
      );
      await refused(pub.post('/api/auth/login', { staffId: 'c01', password: 'wrong' }), 401, 'unauthorized');
      await refused(pub.post('/api/auth/login', { staffId: 'nobody', password: 'demo' }), 401, 'unauthorized');
      expect((await pub.get(`/api/tickets/status/${waitingToken}`)).status).toBe(200); // public needs no token
    });

    it('a token past policy.staffTokenTtlMinutes', async () => {
      const token = await login(server.url, 'admin', 'admin');
      const admin = tracked(api(server.url, token));
      expect((await admin.get('/api/windows')).status).toBe(200);
      clock.advanceMinutes(demoHall().policy.staffTokenTtlMinutes - 1);
      expect((await admin.get('/api/windows')).status).toBe(200);
      clock.advanceMinutes(2);
      await refused(admin.get('/api/windows'), 401, 'unauthorized');
      clock.set(WEDNESDAY_10_00);
    });

    it('a token revoked by logout', async () => {
      const token = await login(server.url, 'c05', 'demo', 5);
      const c05 = tracked(api(server.url, token));
      expect((await c05.post('/api/auth/logout')).body).toEqual({ ok: true });
      await refused(act(c05, 5, 'call-next'), 401, 'unauthorized');
      await refused(c05.post('/api/auth/logout'), 401, 'unauthorized');
      // Logging out at the window closed it.
      expect((await display.get('/api/windows/5')).body.state).toMatchObject({ status: 'closed', clerk: null });
    });
  });

  describe('403 forbidden', () => {
    it('a display key issuing a ticket, a kiosk key calling next or booking', async () => {
      await refused(display.post('/api/tickets', { windowType: 'personal', requestId: rid() }), 403, 'forbidden');
      await refused(act(kiosk, 1, 'call-next'), 403, 'forbidden');
      await refused(act(display, 1, 'call-next'), 403, 'forbidden');
      await refused(
        kiosk.post('/api/appointments', {
          requestId: rid(),
          windowType: 'personal',
          slotStart: '2025-06-11T11:00:00+08:00',
        }),
        403,
        'forbidden',
      );
      await refused(kiosk.post('/api/tickets/A001/reactivate', { requestId: rid() }), 403, 'forbidden');
      await refused(kiosk.post('/api/auth/logout'), 403, 'forbidden');
    });

    it('guide calls: only a kiosk calls or reads its call, only staff list and answer', async () => {
      await refused(display.post('/api/guide-calls', { requestId: rid() }), 403, 'forbidden');
      await refused(c01.post('/api/guide-calls', { requestId: rid() }), 403, 'forbidden');
      const call = await kiosk.post('/api/guide-calls', { requestId: rid() });
      expect(call.status).toBe(201);
      await refused(c01.get(`/api/guide-calls/${call.body.call.id}`), 403, 'forbidden');
      await refused(kiosk.get('/api/guide-calls'), 403, 'forbidden');
      await refused(display.get('/api/guide-calls'), 403, 'forbidden');
      await refused(kiosk.post(`/api/guide-calls/${call.body.call.id}/answer`, { requestId: rid() }), 403, 'forbidden');
    });

    it("a clerk acting at another clerk's window, or at a closed one", async () => {
      const e = await refused(act(c02, 1, 'call-next'), 403, 'forbidden');
      expect(e.message).toMatch(/served by c01.*not c02/);
      await refused(act(c02, 1, 'pause', { reason: 'lunch' }), 403, 'forbidden');
      await refused(act(c02, 20, 'call-next'), 403, 'forbidden');
    });

    it('logging in at a window where the clerk holds no post', async () => {
      const e = await refused(
        pub.post('/api/auth/login', { staffId: 'c05', password: 'demo', window: 1 }),
        403,
        'forbidden',
      );
      expect(e.message).toMatch(/neither the A nor the B post of window 1/);
      await refused(pub.post('/api/auth/login', { staffId: 'admin', password: 'admin', window: 1 }), 403, 'forbidden');
      expect((await display.get('/api/windows/1')).body.state).toMatchObject({ clerk: 'c01' });
    });
  });

  it('a fuzz of bad bodies and params on every route is refused with a 4xx in the error shape, never a 500', async () => {
    const bodies = [
      '{}',
      '[]',
      '"x"',
      '12',
      'true',
      '{"requestId": 12345678}',
      '{"requestId": "ok-request-1", "x": {}}',
    ];
    const params: Record<string, string[]> = {
      id: ['0', 'x', '1e3', '99999999999999999999'],
      number: ['a', 'A1', '%20', '!!!', 'A'.repeat(20)],
      token: ['!', 'a'.repeat(80)],
      locker: ['!', 'a'.repeat(40)],
      commandId: ['x', '!'.repeat(10)],
      section: ['x', 'policy', 'timeZone'],
      version: ['0', 'x', '99999'],
    };
    const headers = { authorization: `Bearer ${c01Token}`, 'content-type': 'application/json' };
    let checked = 0;
    for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
      if (name === 'logout') continue; // takes no body, and would end the session the fuzz runs with
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const paths =
        names.length === 0 ? [route.path] : names.flatMap((p) => params[p]!.map((v) => route.path.replace(`:${p}`, v)));
      for (const path of paths) {
        for (const body of route.method === 'POST' ? bodies : [undefined]) {
          const r = await raw(server.url + path, route.method, { headers, ...(body !== undefined && { body }) });
          if (r.status < 300) continue; // e.g. GET /api/queues has nothing to get wrong
          expect(r.status, `${name} ${path} ${body}`).toBeGreaterThanOrEqual(400);
          expect(r.status, `${name} ${path} ${body}`).toBeLessThan(500);
          ErrorBody.parse(r.body);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // About a thousand requests one after another: more than the default 5 s on a busy 2-core machine.
  }, 30_000);

  it('GET /api/openapi.json is an OpenAPI 3 document listing every route with its method', async () => {
    const r = await pub.get('/api/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.body as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    const expected = (Object.entries(routes) as [string, RouteContract][]).map(
      ([name, route]) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')} ${name}`,
    );
    expect(listed.sort()).toEqual(expected.sort());
    for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]![route.method.toLowerCase()]!;
      expect(op.responses[String(route.status)], name).toBeDefined();
    }
  });

  it('no reply of this file was a 500', () => {
    expect(replies.length).toBeGreaterThan(100);
    expect(replies.filter((r) => r.status >= 500)).toEqual([]);
  });
});

describe('bad input over socket.io', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const refusal = async (auth: unknown) => {
    const error = await connect(server.url, auth as SocketAuth).then(
      ({ socket }) => {
        socket.disconnect();
        return null;
      },
      (e: Error) => e,
    );
    expect(error, `handshake ${JSON.stringify(auth)} was accepted`).toBeInstanceOf(Error);
    return error!.message;
  };

  it('a handshake with no token, a bad token or a kiosk key joining the hall room gets a connect_error starting with the code', async () => {
    expect(await refusal({})).toMatch(/^validation_failed: /);
    expect(await refusal({ room: 'hall' })).toMatch(/^validation_failed: /);
    expect(await refusal({ room: 'hall', token: 'not-a-key' })).toMatch(/^unauthorized: /);
    expect(await refusal({ room: 'hall', token: KIOSK_KEY })).toMatch(/^forbidden: /);
    expect(await refusal({ room: 'kiosk', token: DISPLAY_KEY })).toMatch(/^forbidden: /);
    expect(await refusal({ room: 'window', token: DISPLAY_KEY, window: 1 })).toMatch(/^forbidden: /);
    const token = await login(server.url, 'c01', 'demo');
    expect(await refusal({ room: 'window', token, window: 99 })).toMatch(/^not_found: /);
    expect(await refusal({ room: 'lobby', token })).toMatch(/^validation_failed: /);
    // The phone page: no key, only a status token, which must be one of a ticket.
    expect(await refusal({ room: 'status', statusToken: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6' })).toMatch(
      /^not_found: no ticket with this status code/,
    );
    expect(await refusal({ room: 'status', statusToken: '!' })).toMatch(/^validation_failed: statusToken/);
    expect(await refusal({ room: 'status', token: KIOSK_KEY })).toMatch(/^validation_failed: /);
    // And the right key gets in.
    const ok = await connect(server.url, { room: 'hall', token: DISPLAY_KEY });
    ok.socket.disconnect();
  });
});
