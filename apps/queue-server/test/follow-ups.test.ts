import { describe, expect, it } from 'vitest';
import type { EventEnvelope, FollowUp } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { api, connect, demoHall, login, rid, until } from './harness';
import { nthRequest, ratingRigs, type Rig } from './rating-rig';

const rigs = ratingRigs();

/** Friday 13 June 2025, 10:00 in Asia/Shanghai. */
const FRIDAY_10_00 = '2025-06-13T02:00:00.000Z';

/** A service at window 3 rated badly on its pad; the rating's answer. */
async function badRating(h: Rig, level = 'very_dissatisfied', reason: object = { code: 'attitude' }) {
  const pad = await h.pad(3);
  await h.serve(3, 'c03');
  const request = await nthRequest(pad, 1);
  return (await ok('submitRating', pad.answer(request.id, { level, reason }))).rating;
}

/** A service of `windowType` at a sector window, by its A clerk, rated badly; the follow-up's id, once open. */
async function badRatingAt(h: Rig, admin: ReturnType<typeof api>, window: number, windowType: string) {
  const pad = await h.pad(window);
  await h.serve(window, `c${String(window).padStart(2, '0')}`, { windowType });
  const request = await nthRequest(pad, 1);
  const { rating } = await ok(
    'submitRating',
    pad.answer(request.id, { level: 'dissatisfied', reason: { code: 'attitude' } }),
  );
  const { followUps } = await ok('followUps', admin.get('/api/follow-ups'));
  return followUps.find((f: FollowUp) => f.rating.id === rating.id)!.id as string;
}

async function manager(h: Rig) {
  return api(h.server.url, await login(h.server.url, 'admin', 'admin'));
}

describe('a bad rating’s follow-up (回访整改)', () => {
  it('opens on a Friday due five working days later, over the weekend; the manager assigns, notes and closes it', async () => {
    const h = await rigs.open({ start: FRIDAY_10_00 });
    let admin = await manager(h);
    // Staff connections hear of follow-ups; a device (the pad of another window here) only that something happened.
    const staff = await h.watch();
    const updates = staff.followUps;
    const otherPad = await h.pad(5);

    const rating = await badRating(h);
    await until(() => updates().length === 1);
    const opened: FollowUp = {
      id: expect.any(String),
      rating,
      status: 'open',
      deadline: '2025-06-20', // Mon 16 … Fri 20: Saturday service does not make Saturday a working day
      assignee: null,
      notes: [],
      openedAt: rating.recordedAt,
      closedAt: null,
      resolution: null,
    };
    expect(updates()[0]).toEqual(opened);
    // The same sequence numbers reach the device, with nothing of the rating or the follow-up in them.
    await until(() => otherPad.events.length === staff.events.length);
    expect(otherPad.events.map((e) => e.seq)).toEqual(staff.events.map((e) => e.seq));
    expect(JSON.stringify(otherPad.events)).not.toContain('attitude');
    expect(otherPad.events.map((e) => e.event.type)).toContain('staff_only');
    const { id } = updates()[0]!;
    expect(await ok('followUps', admin.get('/api/follow-ups'))).toEqual({ followUps: [updates()[0]] });

    h.clock.advanceMinutes(30);
    const assigned = await ok(
      'assignFollowUp',
      admin.post(`/api/follow-ups/${id}/assign`, { requestId: rid(), staffId: 'z01' }),
    );
    expect(assigned.followUp).toMatchObject({ status: 'assigned', assignee: 'z01', notes: [] });

    h.clock.advanceMinutes(60);
    const noted = await ok(
      'noteFollowUp',
      admin.post(`/api/follow-ups/${id}/note`, {
        requestId: rid(),
        text: '已电话回访，申请人反映窗口解释不耐心',
        calledBack: true,
      }),
    );
    expect(noted.followUp.notes).toEqual([
      { at: '2025-06-13T03:35:00.000Z', by: 'admin', text: '已电话回访，申请人反映窗口解释不耐心', calledBack: true },
    ]);
    const second = await ok(
      'noteFollowUp',
      admin.post(`/api/follow-ups/${id}/note`, { requestId: rid(), text: '约谈窗口人员' }),
    );
    expect(second.followUp.notes.map((n) => n.calledBack)).toEqual([true, false]);

    h.clock.set('2025-06-17T02:00:00.000Z'); // Tuesday: a new login, Friday's has expired
    admin = await manager(h);
    const closeId = rid('close');
    const closed = await ok(
      'closeFollowUp',
      admin.post(`/api/follow-ups/${id}/close`, { requestId: closeId, resolution: '已整改，向申请人致歉' }),
    );
    expect(closed.followUp).toMatchObject({
      status: 'closed',
      assignee: 'z01',
      closedAt: '2025-06-17T02:00:00.000Z',
      resolution: '已整改，向申请人致歉',
    });
    expect(closed.followUp.notes).toHaveLength(2);
    // The same close again is the same answer; another close, or any change, is refused.
    expect(
      await ok(
        'closeFollowUp',
        admin.post(`/api/follow-ups/${id}/close`, { requestId: closeId, resolution: '已整改，向申请人致歉' }),
      ),
    ).toEqual(closed);
    await refused(
      admin.post(`/api/follow-ups/${id}/close`, { requestId: rid(), resolution: 'again' }),
      409,
      'invalid_state',
    );
    await refused(admin.post(`/api/follow-ups/${id}/note`, { requestId: rid(), text: 'late' }), 409, 'invalid_state');
    await refused(
      admin.post(`/api/follow-ups/${id}/assign`, { requestId: rid(), staffId: 'z02' }),
      409,
      'invalid_state',
    );
    expect(await ok('followUps', admin.get('/api/follow-ups'))).toEqual({ followUps: [] });

    await until(() => updates().length === 5);
    expect(updates().map((f) => [f.status, f.notes.length])).toEqual([
      ['open', 0],
      ['assigned', 0],
      ['assigned', 1],
      ['assigned', 2],
      ['closed', 2],
    ]);
  });

  it('counts its deadline in working days of the hall calendar: a holiday is skipped, a 调休 Saturday counts', async () => {
    const hall = demoHall();
    const h = await rigs.open({
      start: FRIDAY_10_00,
      // Monday 16 and Tuesday 17 June off; Saturday 21 worked as a Monday.
      hall: {
        ...hall,
        calendar: { holidays: ['2025-06-16', '2025-06-17'], workdays: [{ date: '2025-06-21', as: 'mon' }] },
      },
    });
    const staff = await h.watch();
    await badRating(h);
    await until(() => staff.followUps().length === 1);
    // Wed 18, Thu 19, Fri 20, Sat 21 (调休), Mon 23.
    expect(staff.followUps()[0]!.deadline).toBe('2025-06-23');
  });

  it('counts from a Friday before an open Saturday, across a 调休 Sunday and the National Day holidays, as the calendar says', async () => {
    const hall = demoHall();
    expect(hall.hours.sat).not.toBeNull(); // the demo hall serves on Saturday mornings
    const h = await rigs.open({
      start: '2025-09-26T02:00:00.000Z', // Friday 26 September 2025, 10:00 in Asia/Shanghai
      hall: {
        ...hall,
        calendar: {
          holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
          workdays: [{ date: '2025-09-28', as: 'mon' }],
        },
      },
    });
    const staff = await h.watch();
    const rating = await badRating(h);
    expect(rating.hallDay).toBe('2025-09-26');
    await until(() => staff.followUps().length === 1);
    // Not Sat 27 (open, but no working day); Sun 28 (调休), Mon 29, Tue 30; the holidays and the weekend of 4–5 October
    // skipped; Thu 9, Fri 10. Counting Monday to Friday alone would say Friday 3 October, a holiday.
    expect(staff.followUps()[0]!.deadline).toBe('2025-10-10');
  });

  it('opens for a dissatisfied rating too, and for none of the others', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    const levels = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied'];
    for (const [i, level] of levels.entries()) {
      await h.serve(3, 'c03');
      const request = await nthRequest(pad, i + 1);
      const reason = level === 'dissatisfied' ? { reason: { code: 'other', text: '排队太乱' } } : {};
      await ok('submitRating', pad.answer(request.id, { level, ...reason }));
    }
    const { followUps } = await ok('followUps', (await manager(h)).get('/api/follow-ups'));
    expect(followUps.map((f) => [f.rating.result, f.rating.reason, f.deadline])).toEqual([
      ['dissatisfied', { code: 'other', text: '排队太乱' }, '2025-06-18'],
    ]);
  });

  it('lists the nearest deadline first', async () => {
    const h = await rigs.open({ start: FRIDAY_10_00 });
    await badRating(h);
    h.clock.set('2025-06-11T02:00:00.000Z'); // the Wednesday before: due sooner, though opened later
    const pad = await h.pad(4);
    await h.serve(4, 'c04');
    const request = await nthRequest(pad, 1);
    await ok('submitRating', pad.answer(request.id, { level: 'dissatisfied', reason: { code: 'long_wait' } }));
    const { followUps } = await ok('followUps', (await manager(h)).get('/api/follow-ups'));
    expect(followUps.map((f) => [f.rating.window, f.deadline])).toEqual([
      [4, '2025-06-18'],
      [3, '2025-06-20'],
    ]);
  });

  it('refuses an unknown assignee naming staffId, an unknown follow-up, and anyone but the manager', async () => {
    const h = await rigs.open();
    await badRating(h);
    const admin = await manager(h);
    const [{ id }] = (await ok('followUps', admin.get('/api/follow-ups'))).followUps as [FollowUp];

    const e = await refused(
      admin.post(`/api/follow-ups/${id}/assign`, { requestId: rid(), staffId: 'nobody' }),
      400,
      'validation_failed',
    );
    expect(e.fields).toEqual([{ path: 'staffId', message: expect.stringContaining('nobody') }]);
    const empty = await refused(
      admin.post(`/api/follow-ups/${id}/note`, { requestId: rid(), text: '  ' }),
      400,
      'validation_failed',
    );
    expect(empty.fields?.map((f) => f.path)).toEqual(['text']);
    const noResolution = await refused(
      admin.post(`/api/follow-ups/${id}/close`, { requestId: rid() }),
      400,
      'validation_failed',
    );
    expect(noResolution.fields?.map((f) => f.path)).toEqual(['resolution']);
    await refused(
      admin.post('/api/follow-ups/no-such-thing/close', { requestId: rid(), resolution: 'x' }),
      404,
      'not_found',
    );

    const c03 = await h.clerk('c03', 3);
    await refused(c03.get('/api/follow-ups'), 403, 'forbidden');
    await refused(c03.post(`/api/follow-ups/${id}/close`, { requestId: rid(), resolution: 'x' }), 403, 'forbidden');
    await refused(api(h.server.url, 'demo-rating-3').get('/api/follow-ups'), 403, 'forbidden');
    await refused(api(h.server.url).get('/api/follow-ups'), 401, 'unauthorized');
    expect((await ok('followUps', admin.get('/api/follow-ups'))).followUps[0]).toMatchObject({
      status: 'open',
      assignee: null,
    });
  });
});

describe('follow-ups by department (首席代表)', () => {
  it("a chief representative lists, assigns within, notes and closes their department's follow-ups, never another's", async () => {
    const h = await rigs.open({ start: FRIDAY_10_00 });
    const admin = await manager(h);
    // Window 13 is the tax bureau's (z02 its chief representative), window 15 the police's.
    const taxCase = await badRatingAt(h, admin, 13, 'tax');
    const policeCase = await badRatingAt(h, admin, 15, 'police');
    const z02 = api(h.server.url, await login(h.server.url, 'z02', 'demo'));

    const listed = await ok('followUps', z02.get('/api/follow-ups'));
    expect(listed.followUps.map((f: FollowUp) => f.id)).toEqual([taxCase]);
    expect((await ok('followUps', admin.get('/api/follow-ups'))).followUps).toHaveLength(2);

    const toOtherDepartment = await refused(
      z02.post(`/api/follow-ups/${taxCase}/assign`, { requestId: rid(), staffId: 'c01' }),
      400,
      'validation_failed',
    );
    expect(toOtherDepartment.fields).toEqual([{ path: 'staffId', message: expect.stringContaining('c01') }]);
    await ok('assignFollowUp', z02.post(`/api/follow-ups/${taxCase}/assign`, { requestId: rid(), staffId: 'c13' }));
    await ok(
      'noteFollowUp',
      z02.post(`/api/follow-ups/${taxCase}/note`, { requestId: rid(), text: '已回访', calledBack: true }),
    );
    const closed = await ok(
      'closeFollowUp',
      z02.post(`/api/follow-ups/${taxCase}/close`, { requestId: rid(), resolution: '已整改' }),
    );
    expect(closed.followUp).toMatchObject({ status: 'closed', assignee: 'c13' });

    for (const [action, body] of [
      ['assign', { staffId: 'z02' }],
      ['note', { text: '越权', calledBack: false }],
      ['close', { resolution: '越权' }],
    ] as const) {
      const refusal = await refused(
        z02.post(`/api/follow-ups/${policeCase}/${action}`, { requestId: rid(), ...body }),
        403,
        'forbidden',
      );
      expect(refusal.message).toMatch(/window 15/);
    }
    // The manager assigns across departments.
    await ok(
      'assignFollowUp',
      admin.post(`/api/follow-ups/${policeCase}/assign`, { requestId: rid(), staffId: 'z02' }),
    );
  });

  it("closed follow-ups go to the archive (整改台账) of those who answer for the department, and to no one else's", async () => {
    const h = await rigs.open({ start: FRIDAY_10_00 });
    const admin = await manager(h);
    const z02 = api(h.server.url, await login(h.server.url, 'z02', 'demo'));
    const z03 = api(h.server.url, await login(h.server.url, 'z03', 'demo'));
    const taxCase = await badRatingAt(h, admin, 13, 'tax');
    const open = await badRatingAt(h, admin, 14, 'tax');
    await ok('closeFollowUp', z02.post(`/api/follow-ups/${taxCase}/close`, { requestId: rid(), resolution: '已整改' }));

    const archive = await ok('followUpArchive', z02.get('/api/follow-ups/archive'));
    expect(archive.followUps.map((f: FollowUp) => [f.id, f.status, f.resolution])).toEqual([
      [taxCase, 'closed', '已整改'],
    ]);
    expect((await ok('followUps', z02.get('/api/follow-ups'))).followUps.map((f: FollowUp) => f.id)).toEqual([open]);
    expect((await ok('followUpArchive', admin.get('/api/follow-ups/archive'))).followUps).toHaveLength(1);
    expect(await ok('followUpArchive', z03.get('/api/follow-ups/archive'))).toEqual({ followUps: [] });
    const clerk = api(h.server.url, await login(h.server.url, 'c13', 'demo'));
    await refused(clerk.get('/api/follow-ups/archive'), 403, 'forbidden');
  });

  it("a chief representative's feed carries their department's follow-ups; another department's come withheld", async () => {
    const h = await rigs.open({ start: FRIDAY_10_00 });
    const admin = await manager(h);
    const z02 = h.keep(await connect(h.server.url, { room: 'hall', token: await login(h.server.url, 'z02', 'demo') }));
    const z03 = h.keep(await connect(h.server.url, { room: 'hall', token: await login(h.server.url, 'z03', 'demo') }));
    const taxCase = await badRatingAt(h, admin, 13, 'tax');
    const followUpEvents = (events: EventEnvelope[]) =>
      events.filter((e) => e.event.type === 'followup.updated' || e.event.type === 'withheld');
    await until(() => followUpEvents(z03.events).length > 0 && followUpEvents(z02.events).length > 0);
    expect(followUpEvents(z02.events).map((e) => e.event)).toEqual([
      { type: 'followup.updated', followUp: expect.objectContaining({ id: taxCase }) },
    ]);
    expect(followUpEvents(z03.events).map((e) => e.event)).toEqual([{ type: 'withheld' }]);
  });

  it("the staff a console may assign: a chief representative's department, everyone for the manager", async () => {
    const h = await rigs.open({ start: FRIDAY_10_00 });
    const z02 = api(h.server.url, await login(h.server.url, 'z02', 'demo'));
    const { staff } = await ok('staffDirectory', z02.get('/api/staff'));
    expect(new Set(staff.map((s: { department: string }) => s.department))).toEqual(new Set(['tax']));
    expect(staff.map((s: { id: string }) => s.id)).toContain('z02');
    expect(JSON.stringify(staff)).not.toContain('scrypt');
    const everyone = await ok('staffDirectory', (await manager(h)).get('/api/staff'));
    expect(everyone.staff).toHaveLength(demoHall().staff.length);
    await refused(api(h.server.url, await login(h.server.url, 'g01', 'demo')).get('/api/staff'), 403, 'forbidden');
  });

  it('a clerk may not read follow-ups: 403 in plain words', async () => {
    const h = await rigs.open({ start: FRIDAY_10_00 });
    const clerk = api(h.server.url, await login(h.server.url, 'c13', 'demo'));
    const refusal = await refused(clerk.get('/api/follow-ups'), 403, 'forbidden');
    expect(refusal.message).toBe(
      "GET /api/follow-ups needs a manager token, or a chief representative's for their own department; this is a clerk's token",
    );
  });
});
