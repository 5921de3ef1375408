import type { WindowState } from '@hallq/shared/domain';
import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { DISPLAY_KEY, api, login, rid } from './harness';
import { nthRequest, ratingRigs } from './rating-rig';

const rigs = ratingRigs();

// Demo hall, window 2: c02 holds its A post, c01 its B post.
describe('A/B posts (AB岗): the A clerk returns while the B clerk serves', () => {
  it('takes nothing away mid-service: B finishes and is rated for that citizen, then the window passes to A', async () => {
    const h = await rigs.open();
    const pad = await h.pad(2);
    const b = api(h.server.url, await login(h.server.url, 'c01', 'demo', 2));
    const issued = await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    await ok('callNext', b.post('/api/windows/2/call-next', { requestId: rid() }));
    await ok('start', b.post('/api/windows/2/start', { requestId: rid() }));

    const back = await ok(
      'login',
      api(h.server.url).post('/api/auth/login', { staffId: 'c02', password: 'demo', window: 2 }),
    );
    expect(back.window).toMatchObject({ clerk: 'c01', post: 'B', incoming: { clerk: 'c02', post: 'A' } });
    const a = api(h.server.url, back.token);
    // A cannot act on B's citizen meanwhile.
    await refused(
      a.post('/api/windows/2/finish', { requestId: rid(), outcome: { kind: 'completed' } }),
      403,
      'forbidden',
    );

    h.clock.advanceMinutes(4);
    const done = await ok(
      'finish',
      b.post('/api/windows/2/finish', { requestId: rid(), outcome: { kind: 'completed' } }),
    );
    expect(done.ticket).toMatchObject({ id: issued.ticket.id, state: 'finished', clerk: 'c01' });
    expect(done.window).toMatchObject({ clerk: 'c02', post: 'A', incoming: null, currentTicket: null });

    // The pad asks for B's service, rated as B's.
    const request = await nthRequest(pad, 1);
    const { rating } = await ok('submitRating', pad.answer(request.id, { level: 'very_satisfied' }));
    expect(rating).toMatchObject({ ticketId: issued.ticket.id, clerk: 'c01' });

    // The window is A's now: A calls the next citizen, B may no longer act there.
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    await ok('callNext', a.post('/api/windows/2/call-next', { requestId: rid() }));
    await refused(b.post('/api/windows/2/recall', { requestId: rid() }), 403, 'forbidden');

    const db = h.db();
    const entries = db
      .prepare(`SELECT type, data FROM journal WHERE window = 2 AND type LIKE 'window.%' ORDER BY id`)
      .all() as { type: string; data: string }[];
    db.close();
    expect(entries.map((e) => [e.type, JSON.parse(e.data)])).toEqual([
      ['window.loggedIn', expect.objectContaining({ status: 'open' })],
      ['window.takeoverAwaited', { clerk: 'c02', post: 'A', serving: issued.ticket.id }],
      ['window.handedOver', { from: 'c01', to: 'c02', post: 'A', ticket: issued.ticket.id }],
    ]);
  });

  it('takes the window at once, citizen and all, when the returning clerk says the other has gone', async () => {
    const h = await rigs.open();
    const b = api(h.server.url, await login(h.server.url, 'c01', 'demo', 2));
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    await ok('callNext', b.post('/api/windows/2/call-next', { requestId: rid() }));
    const back = await ok(
      'login',
      api(h.server.url).post('/api/auth/login', { staffId: 'c02', password: 'demo', window: 2, takeOver: true }),
    );
    expect(back.window).toMatchObject({ clerk: 'c02', post: 'A', incoming: null });
    expect(back.window?.currentTicket).toEqual(expect.any(String));
    const a = api(h.server.url, back.token);
    await ok('start', a.post('/api/windows/2/start', { requestId: rid() }));
  });

  it('the clerk serving hands the window over at once to the one waiting, citizen and all, journaled as a hand-over', async () => {
    const h = await rigs.open();
    const b = api(h.server.url, await login(h.server.url, 'c01', 'demo', 2));
    const issued = await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    await ok('callNext', b.post('/api/windows/2/call-next', { requestId: rid() }));
    const nobody = await refused(b.post('/api/windows/2/hand-over', { requestId: rid() }), 409, 'invalid_state');
    expect(nobody.message).toMatch(/nobody is waiting to take window 2 over/);

    const a = api(h.server.url, await login(h.server.url, 'c02', 'demo', 2));
    // Only the clerk at the window hands it over; the one waiting takes it with takeOver instead.
    await refused(a.post('/api/windows/2/hand-over', { requestId: rid() }), 403, 'forbidden');
    const handed = await ok('handOver', b.post('/api/windows/2/hand-over', { requestId: rid() }));
    expect(handed.window).toMatchObject({ clerk: 'c02', post: 'A', incoming: null, currentTicket: issued.ticket.id });
    expect(handed.ticket).toMatchObject({ id: issued.ticket.id, state: 'called' });
    await ok('start', a.post('/api/windows/2/start', { requestId: rid() }));
    await refused(b.post('/api/windows/2/recall', { requestId: rid() }), 403, 'forbidden');

    const db = h.db();
    const handOver = db
      .prepare(`SELECT actor, data FROM journal WHERE type = 'window.handedOver' AND window = 2`)
      .get() as { actor: string; data: string };
    db.close();
    expect(handOver.actor).toBe('staff:c01');
    expect(JSON.parse(handOver.data)).toEqual({ from: 'c01', to: 'c02', post: 'A', ticket: issued.ticket.id });
  });

  it('a waiting clerk who logs out again is forgotten: the window stays with the one serving', async () => {
    const h = await rigs.open();
    const b = api(h.server.url, await login(h.server.url, 'c01', 'demo', 2));
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    await ok('callNext', b.post('/api/windows/2/call-next', { requestId: rid() }));
    const a = api(h.server.url, await login(h.server.url, 'c02', 'demo', 2));
    expect((await a.post('/api/auth/logout')).body).toEqual({ ok: true });
    await ok('start', b.post('/api/windows/2/start', { requestId: rid() }));
    await ok('finish', b.post('/api/windows/2/finish', { requestId: rid(), outcome: { kind: 'completed' } }));
    const { windows } = await ok('windows', api(h.server.url, DISPLAY_KEY).get('/api/windows'));
    expect((windows as WindowState[]).find((w) => w.number === 2)).toMatchObject({ clerk: 'c01', incoming: null });
  });
});
