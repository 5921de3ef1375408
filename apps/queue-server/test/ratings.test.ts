import { describe, expect, it } from 'vitest';
import type { RatingRecord } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { DISPLAY_KEY, api, demoHall, login, manualClock, rid, until } from './harness';
import { WEDNESDAY_10_00, nthRequest, ratingRigs, screenKey } from './rating-rig';

const rigs = ratingRigs();

describe('好差评: a finished service is rated on the pad at its window', () => {
  it('the pad is asked on its socket and its answer is stored with ticket, window, clerk, type, item and times', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    const staff = await h.watch();
    expect(pad.snapshot.ratingRequests).toEqual([]);
    const ticket = await h.serve(3, 'c03', { serviceItem: 'social-security-card' });

    const request = await nthRequest(pad, 1);
    expect(request).toEqual({
      id: expect.any(String),
      window: 3,
      ticketNumber: ticket.number,
      clerk: 'c03',
      requestedAt: '2025-06-11T02:05:00.000Z',
      expiresAt: '2025-06-11T02:06:00.000Z', // policy.ratingTimeoutSeconds: 60
    });
    // A pad that restarts shows it again.
    expect((await h.pad(3)).snapshot.ratingRequests).toEqual([request]);

    h.clock.advanceMs(20_000);
    const { rating } = await ok('submitRating', pad.answer(request.id, { level: 'very_satisfied' }));
    const expected: RatingRecord = {
      id: request.id,
      hallDay: '2025-06-11',
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      window: 3,
      clerk: 'c03',
      windowType: 'personal',
      serviceItem: 'social-security-card',
      result: 'very_satisfied',
      reason: null,
      requestedAt: '2025-06-11T02:05:00.000Z',
      recordedAt: '2025-06-11T02:05:20.000Z',
    };
    expect(rating).toEqual(expected);
    await until(() => staff.recorded().length === 1 && pad.ended().length === 1);
    expect(staff.recorded()[0]).toEqual({ type: 'rating.recorded', requestId: request.id, rating: expected });
    // The pad (a device) hears only that the request ended: the details are for staff.
    expect(pad.ended()[0]).toEqual({ type: 'rating.ended', requestId: request.id, result: 'very_satisfied' });
    expect((await h.pad(3)).snapshot.ratingRequests).toEqual([]);

    const db = h.db();
    expect(db.prepare('SELECT * FROM ratings').all()).toEqual([
      {
        id: request.id,
        hall_day: '2025-06-11',
        ticket_id: ticket.id,
        ticket_number: ticket.number,
        window: 3,
        clerk: 'c03',
        window_type: 'personal',
        service_item: 'social-security-card',
        requested_at: '2025-06-11T02:05:00.000Z',
        expires_at: '2025-06-11T02:06:00.000Z',
        result: 'very_satisfied',
        reason_code: null,
        reason_text: null,
        recorded_at: '2025-06-11T02:05:20.000Z',
      },
    ]);
    const journal = db.prepare("SELECT type, actor, window FROM journal WHERE type LIKE 'rating.%' ORDER BY id").all();
    expect(journal).toEqual([
      { type: 'rating.requested', actor: 'staff:c03', window: 3 },
      { type: 'rating.recorded', actor: 'display:rating-pad-3', window: 3 },
    ]);
    db.close();
  });

  it('stores each of the five levels as given, a bad one with its reason', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    const answers = [
      { level: 'very_satisfied' },
      { level: 'satisfied' },
      { level: 'basically_satisfied' },
      { level: 'dissatisfied', reason: { code: 'long_wait' } },
      { level: 'very_dissatisfied', reason: { code: 'other', text: '材料清单和网上的不一样' } },
    ];
    const stored: RatingRecord[] = [];
    for (const [i, answer] of answers.entries()) {
      await h.serve(3, 'c03');
      const request = await nthRequest(pad, i + 1);
      stored.push((await ok('submitRating', pad.answer(request.id, answer))).rating);
    }
    expect(stored.map((r) => [r.result, r.reason])).toEqual([
      ['very_satisfied', null],
      ['satisfied', null],
      ['basically_satisfied', null],
      ['dissatisfied', { code: 'long_wait', text: null }],
      ['very_dissatisfied', { code: 'other', text: '材料清单和网上的不一样' }],
    ]);
    const db = h.db();
    expect(
      db.prepare('SELECT result, reason_code, reason_text FROM ratings ORDER BY requested_at').raw().all(),
    ).toEqual([
      ['very_satisfied', null, null],
      ['satisfied', null, null],
      ['basically_satisfied', null, null],
      ['dissatisfied', 'long_wait', null],
      ['very_dissatisfied', 'other', '材料清单和网上的不一样'],
    ]);
    db.close();
  });

  it('refuses an answer with a missing or wrong reason, naming the field, and the request stays open', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    await h.serve(3, 'c03');
    const { id } = await nthRequest(pad, 1);
    const field = async (body: Record<string, unknown>) =>
      (await refused(pad.answer(id, body), 400, 'validation_failed')).fields?.map((f) => f.path);

    expect(await field({ level: 'dissatisfied' })).toEqual(['reason']);
    expect(await field({ level: 'very_dissatisfied', reason: { code: 'rude_guard' } })).toEqual(['reason.code']);
    expect(await field({ level: 'dissatisfied', reason: { code: 'other', text: '   ' } })).toEqual(['reason.text']);
    expect(await field({ level: 'satisfied', reason: { code: 'long_wait' } })).toEqual(['reason']);
    expect(await field({ level: 'fine' })).toEqual(['level']);
    await refused(pad.answer('no-such-request', { level: 'satisfied' }), 404, 'not_found');

    expect((await h.pad(3)).snapshot.ratingRequests.map((r) => r.id)).toEqual([id]);
    await ok('submitRating', pad.answer(id, { level: 'dissatisfied', reason: { code: 'unclear' } }));
  });

  it('takes one answer per service: the same requestId again gets the same answer, another answer is refused', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    await h.serve(3, 'c03');
    const { id } = await nthRequest(pad, 1);
    const requestId = rid('same');
    const first = await ok('submitRating', pad.answer(id, { requestId, level: 'satisfied' }));
    expect(await ok('submitRating', pad.answer(id, { requestId, level: 'satisfied' }))).toEqual(first);
    const twice = await refused(pad.answer(id, { level: 'very_satisfied' }), 409, 'invalid_state');
    expect(twice.message).toMatch(/already been answered/);
  });

  it("refuses another window's pad, a window screen, the hall display and staff", async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    await h.serve(3, 'c03');
    const { id } = await nthRequest(pad, 1);
    const body = { requestId: rid(), level: 'satisfied' };
    const otherPad = await h.pad(4);
    const e = await refused(
      otherPad.answer(id, { level: 'very_dissatisfied', reason: { code: 'attitude' } }),
      403,
      'forbidden',
    );
    expect(e.message).toMatch(/window 3/);
    for (const token of [screenKey(3), DISPLAY_KEY, await login(h.server.url, 'admin', 'admin')]) {
      await refused(api(h.server.url, token).post(`/api/ratings/${id}`, body), 403, 'forbidden');
    }
    await refused(api(h.server.url).post(`/api/ratings/${id}`, body), 401, 'unauthorized');
    // Nothing was recorded: the window's own pad still answers.
    await ok('submitRating', pad.answer(id, { level: 'satisfied' }));
  });

  it('asks for no rating on a transfer; the finish at the window the citizen was sent to asks there', async () => {
    const h = await rigs.open();
    const pad3 = await h.pad(3);
    const pad2 = await h.pad(2);
    const ticket = await h.serve(3, 'c03', { outcome: { kind: 'transferred', toWindow: 2 } });
    const c02 = await h.clerk('c02', 2);
    expect((await ok('callNext', c02.post('/api/windows/2/call-next', { requestId: rid() }))).ticket?.id).toBe(
      ticket.id,
    );
    await ok('start', c02.post('/api/windows/2/start', { requestId: rid() }));
    await ok('finish', c02.post('/api/windows/2/finish', { requestId: rid(), outcome: { kind: 'completed' } }));

    const request = await nthRequest(pad2, 1);
    expect(request).toMatchObject({ window: 2, ticketNumber: ticket.number, clerk: 'c02' });
    // Every stream connection gets every event: window 3's pad has seen window 2's request, and no other.
    await until(() => pad3.requests().length === 1);
    expect(pad3.requests()).toEqual([request]);
  });

  it('asks for no rating at a window without a pad', async () => {
    const hall = demoHall();
    const withoutPad3 = {
      ...hall,
      devices: {
        ...hall.devices,
        displays: hall.devices.displays.filter((d) => !(d.kind === 'rating' && d.window === 3)),
      },
    };
    const h = await rigs.open({ hall: withoutPad3 });
    const staff = await h.watch();
    await h.serve(3, 'c03');
    await h.serve(4, 'c04');
    await until(() => staff.events.some((e) => e.event.type === 'rating.requested'));
    const requested = staff.events.flatMap((e) =>
      e.event.type === 'rating.requested' ? [e.event.request.window] : [],
    );
    expect(requested).toEqual([4]);
    const db = h.db();
    expect(db.prepare('SELECT window FROM ratings').pluck().all()).toEqual([4]);
    db.close();
  });

  it('a newer finish at the window ends the unanswered request as not rated', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    const staff = await h.watch();
    await h.serve(3, 'c03', { minutes: 0 });
    const first = await nthRequest(pad, 1);
    h.clock.advanceMs(30_000);
    await h.serve(3, 'c03', { minutes: 0 });
    const second = await nthRequest(pad, 2);

    await until(() => staff.recorded().length === 1);
    expect(pad.ended()).toEqual([{ type: 'rating.ended', requestId: first.id, result: 'not_rated' }]);
    expect(staff.recorded()[0]!.rating).toMatchObject({
      id: first.id,
      result: 'not_rated',
      reason: null,
      recordedAt: second.requestedAt,
    });
    expect((await h.pad(3)).snapshot.ratingRequests).toEqual([second]);
    await refused(pad.answer(first.id, { level: 'satisfied' }), 409, 'invalid_state');
  });
});

describe('an unanswered rating request', () => {
  it('is recorded as not rated at its expiry, never as satisfied, and can no longer be answered', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    const staff = await h.watch();
    await h.serve(3, 'c03');
    const request = await nthRequest(pad, 1);

    h.clock.advanceMs(59_000);
    await new Promise((r) => setTimeout(r, 1200)); // a full expiry check while the request is still open
    expect(staff.recorded()).toEqual([]);
    h.clock.advanceMs(1_000);
    await until(() => staff.recorded().length === 1, 5000);
    expect(staff.recorded()[0]).toEqual({
      type: 'rating.recorded',
      requestId: request.id,
      rating: expect.objectContaining({ result: 'not_rated', reason: null, recordedAt: request.expiresAt }),
    });
    const e = await refused(pad.answer(request.id, { level: 'satisfied' }), 409, 'invalid_state');
    expect(e.message).toMatch(/not rated/);
    expect((await h.pad(3)).snapshot.ratingRequests).toEqual([]);
  });

  it('is refused from the moment it expires', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    await h.serve(3, 'c03');
    const request = await nthRequest(pad, 1);
    h.clock.advanceMs(60_000);
    const e = await refused(pad.answer(request.id, { level: 'satisfied' }), 409, 'invalid_state');
    expect(e.message).toMatch(/expired|not rated/);
  });

  it('after a restart: one already past expiry is recorded as not rated at start, a younger one still expires', async () => {
    const clock = manualClock(WEDNESDAY_10_00);
    const first = await rigs.open({ clock });
    const pad3 = await first.pad(3);
    await first.serve(3, 'c03', { minutes: 0 });
    const old = await nthRequest(pad3, 1);
    clock.advanceMs(40_000);
    await first.serve(4, 'c04', { minutes: 0 });
    const young = await nthRequest(pad3, 2);
    const dataDir = first.server.dataDir;
    await first.server.close();

    clock.advanceMs(30_000); // the first is 70 s old, the second 30 s
    const again = await rigs.open({ clock, dataDir });
    const pad4 = await again.pad(4);
    const staff = await again.watch();
    expect(pad4.snapshot.ratingRequests).toEqual([young]);
    const db = again.db();
    expect(db.prepare('SELECT result, recorded_at FROM ratings WHERE id = ?').raw().get(old.id)).toEqual([
      'not_rated',
      old.expiresAt,
    ]);
    db.close();

    clock.advanceMs(30_000);
    await until(() => staff.recorded().length === 1, 5000);
    expect(staff.recorded()[0]!.rating).toMatchObject({ id: young.id, window: 4, result: 'not_rated' });
    expect(pad4.ended()).toEqual([{ type: 'rating.ended', requestId: young.id, result: 'not_rated' }]);
  });
});
