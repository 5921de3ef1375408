import { describe, expect, it } from 'vitest';
import { ErrorBody } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { api, DISPLAY_KEY, login, rid } from './harness';
import { nthRequest, ratingRigs } from './rating-rig';

const rigs = ratingRigs();
/** A report starts the report worker (a thread loading the domain) on each new server: a second or two. */
const REPORT_TEST_MS = 20_000;
const DAY = '2025-06-11';

/**
 * A scripted morning at the demo hall (Wednesday 11 June 2025 from 10:00), each step's figures worked out by hand in
 * the comments: three services at window 3 rated satisfied, not at all and dissatisfied; a citizen who walks away
 * before the call; a no-show at window 4; and one who waits 25 minutes against personal's target of 20.
 */
async function scriptedMorning() {
  const h = await rigs.open();
  const pad = await h.pad(3);
  // Services of 4, 6 and 11 minutes, each called the moment it was issued (waits and walks of 0).
  await h.serve(3, 'c03', { minutes: 4 });
  await ok('submitRating', pad.answer((await nthRequest(pad, 1)).id, { level: 'satisfied' }));
  await h.serve(3, 'c03', { minutes: 6 });
  await h.serve(3, 'c03', { minutes: 11 }); // its finish ends the second one's request as not rated
  await ok(
    'submitRating',
    pad.answer((await nthRequest(pad, 3)).id, { level: 'dissatisfied', reason: { code: 'unclear' } }),
  );

  // A walkout: the kiosk's print failed and the citizen went (the kiosk cancels its own number).
  const gone = await ok('issueTicket', h.kiosk.post('/api/tickets', { requestId: rid(), windowType: 'personal' }));
  await ok('cancelTicket', h.kiosk.post(`/api/tickets/${gone.ticket.number}/cancel`, { requestId: rid() }));

  // A no-show at window 4: called twice, nobody came.
  const c04 = await h.clerk('c04', 4);
  await ok('issueTicket', h.kiosk.post('/api/tickets', { requestId: rid(), windowType: 'personal' }));
  await ok('callNext', c04.post('/api/windows/4/call-next', { requestId: rid() }));
  await ok('recall', c04.post('/api/windows/4/recall', { requestId: rid() }));
  await ok('noShow', c04.post('/api/windows/4/no-show', { requestId: rid() }));

  // 25 minutes' wait, 2 to walk up, 5 of service.
  await ok('issueTicket', h.kiosk.post('/api/tickets', { requestId: rid(), windowType: 'personal' }));
  h.clock.advanceMinutes(25);
  const c03 = await h.clerk('c03', 3);
  await ok('callNext', c03.post('/api/windows/3/call-next', { requestId: rid() }));
  h.clock.advanceMinutes(2);
  await ok('start', c03.post('/api/windows/3/start', { requestId: rid() }));
  h.clock.advanceMinutes(5);
  await ok('finish', c03.post('/api/windows/3/finish', { requestId: rid(), outcome: { kind: 'completed' } }));
  return h;
}

const summary = (client: ReturnType<typeof api>, query: string) => client.get(`/api/reports/summary?${query}`);

describe('GET /api/reports/summary', { timeout: REPORT_TEST_MS }, () => {
  it("counts a morning's tickets, waits, services and 好差评 as worked out by hand", async () => {
    const h = await scriptedMorning();
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const report = await ok('reportSummary', summary(manager, `from=${DAY}&to=${DAY}`));
    expect(report).toMatchObject({ from: DAY, to: DAY, by: 'hall', scope: { kind: 'hall' } });
    const [hall] = report.groups;
    expect(hall!.key).toBe('hall');
    expect(hall!.tickets).toMatchObject({ issued: 6, served: 4, noShows: 1, walkouts: 1, transferred: 0 });
    expect(hall!.tickets.byOutcome.completed).toBe(4);
    // Called: the three served at once (0), the no-show (0) and the one who waited 25.
    expect(hall!.tickets.waiting).toMatchObject({ count: 5, mean: 5, p50: 0, p90: 25, max: 25, aboveServiceLevel: 1 });
    expect(hall!.tickets.waiting.buckets).toEqual([4, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(hall!.tickets.walking).toMatchObject({ count: 4, max: 2 });
    expect(hall!.tickets.service).toEqual({ count: 4, mean: 6.5, p50: 5, p90: 11, max: 11 });
    // The last service's request is still open: three requests ended.
    expect(hall!.ratings).toMatchObject({ requests: 3, notRated: 1, bad: 1, ratedShare: 0.667, goodShare: 0.5 });
    expect(hall!.ratings.followUps).toMatchObject({ opened: 1, closed: 0, overdueNow: 0 });

    const byWindow = await ok('reportSummary', summary(manager, `from=${DAY}&to=${DAY}&by=window`));
    expect(byWindow.groups.map((g) => [g.key, g.tickets.served, g.tickets.noShows])).toEqual([
      ['3', 4, 0],
      ['4', 0, 1],
    ]);
  });

  it('holds a chief representative to their department and a clerk to their own work', async () => {
    const h = await scriptedMorning();
    const c03 = api(h.server.url, await login(h.server.url, 'c03', 'demo'));
    const own = await ok('reportSummary', summary(c03, `from=${DAY}&to=${DAY}&by=clerk`));
    expect(own.scope).toEqual({ kind: 'clerk', clerk: 'c03' });
    expect(own.groups.map((g) => [g.key, g.tickets.served])).toEqual([['c03', 4]]);
    // Window 3 and 4 are the hall office's: the 人社 chief representative has nothing of this morning.
    const z01 = api(h.server.url, await login(h.server.url, 'z01', 'demo'));
    const department = await ok('reportSummary', summary(z01, `from=${DAY}&to=${DAY}`));
    expect(department).toMatchObject({ scope: { kind: 'department', department: 'hrss' }, groups: [] });
  });

  it("tells each clerk's morning at the windows: on post, serving, idle; a clerk sees only their own", async () => {
    const h = await scriptedMorning();
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const report = await ok('reportAttendance', manager.get(`/api/reports/attendance?from=${DAY}&to=${DAY}`));
    // Still at their windows at 10:53: c03 since 10:00 (serving 4 + 6 + 11 + 5), c04 since 10:21.
    expect(report.rows.map((r) => [r.clerk, r.onPostMinutes, r.servingMinutes, r.idleMinutes, r.takeovers])).toEqual([
      ['c03', 53, 26, 27, 0],
      ['c04', 32, 0, 32, 0],
    ]);
    const c03 = api(h.server.url, await login(h.server.url, 'c03', 'demo'));
    const own = await ok('reportAttendance', c03.get(`/api/reports/attendance?from=${DAY}&to=${DAY}`));
    expect(own.rows.map((r) => r.clerk)).toEqual(['c03']);
  });

  it('finds an empty post (空岗): a tax ticket waiting 12 minutes with no tax window open', async () => {
    const h = await scriptedMorning();
    await ok('issueTicket', h.kiosk.post('/api/tickets', { requestId: rid(), windowType: 'tax' }));
    h.clock.advanceMinutes(12);
    await h.clerk('c13', 13);
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const report = await ok('reportEmptyPosts', manager.get(`/api/reports/empty-posts?from=${DAY}&to=${DAY}`));
    expect(report.intervals).toEqual([
      { day: DAY, windowType: 'tax', from: '2025-06-11T02:53:00.000Z', to: '2025-06-11T03:05:00.000Z', minutes: 12 },
    ]);
    expect(report.byDay).toEqual([{ day: DAY, count: 1, minutes: 12 }]);
    // The tax chief representative answers for the tax windows, the police one for none of them.
    const chief = async (id: string) =>
      (
        await ok(
          'reportEmptyPosts',
          api(h.server.url, await login(h.server.url, id, 'demo')).get(
            `/api/reports/empty-posts?from=${DAY}&to=${DAY}`,
          ),
        )
      ).intervals.length;
    expect([await chief('z02'), await chief('z03')]).toEqual([1, 0]);
    // A clerk answers for no department's posts.
    const c03 = api(h.server.url, await login(h.server.url, 'c03', 'demo'));
    await refused(c03.get(`/api/reports/empty-posts?from=${DAY}&to=${DAY}`), 403, 'forbidden');
  });

  it("writes the month's bulletin: totals beside the month before, the window ranking, 差评 and follow-ups", async () => {
    const h = await scriptedMorning();
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const bulletin = await ok('reportBulletin', manager.get('/api/reports/bulletin?month=2025-06'));
    expect(bulletin).toMatchObject({ month: '2025-06', from: '2025-06-01', to: '2025-06-30' });
    expect(bulletin.totals.current?.tickets).toMatchObject({ issued: 6, served: 4 });
    expect(bulletin.totals.previous).toBeNull();
    expect(bulletin.ranking.map((r) => [r.rank, r.window, r.served])).toEqual([
      [1, '3', 4],
      [2, '4', 0],
    ]);
    expect(bulletin.badRatings).toEqual([
      {
        day: DAY,
        window: 3,
        clerk: 'c03',
        windowType: 'personal',
        items: [],
        level: 'dissatisfied',
        followUp: 'open',
      },
    ]);
    expect(bulletin).toMatchObject({ emptyPosts: { count: 0, minutes: 0 }, away: [] });
    const c03 = api(h.server.url, await login(h.server.url, 'c03', 'demo'));
    await refused(c03.get('/api/reports/bulletin?month=2025-06'), 403, 'forbidden');
    const bad = await manager.get('/api/reports/bulletin?month=2025-13');
    expect(ErrorBody.parse(bad.body).error.fields?.map((f) => f.path)).toEqual(['month']);
  });

  it('counts work done after an earlier report: a day already read is read again once written to', async () => {
    const h = await scriptedMorning();
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const served = async () =>
      (await ok('reportSummary', summary(manager, `from=${DAY}&to=${DAY}`))).groups[0]!.tickets.served;
    expect(await served()).toBe(4);
    await h.serve(3, 'c03', { minutes: 3 });
    expect(await served()).toBe(5);
  });

  it('refuses reports beyond what the worker has waiting, with 429 and Retry-After', async () => {
    const h = await rigs.open();
    const token = await login(h.server.url, 'admin', 'admin');
    const url = `${h.server.url}/api/reports/summary?from=2025-01-01&to=${DAY}&by=hour`;
    // The first starts the worker (a second or more): the others arrive while it starts.
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => fetch(url, { headers: { authorization: `Bearer ${token}` } })),
    );
    const refusals = replies.filter((r) => r.status === 429);
    expect(replies.filter((r) => r.status === 200)).toHaveLength(8);
    expect(refusals).toHaveLength(4);
    expect(Number(refusals[0]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('is for staff only', async () => {
    const h = await rigs.open();
    await refused(api(h.server.url).get(`/api/reports/summary?from=${DAY}&to=${DAY}`), 401, 'unauthorized');
    await refused(summary(api(h.server.url, DISPLAY_KEY), `from=${DAY}&to=${DAY}`), 403, 'forbidden');
    const device = api(h.server.url, DISPLAY_KEY);
    await refused(device.get(`/api/reports/attendance?from=${DAY}&to=${DAY}`), 403, 'forbidden');
  });

  it('answers a bad period or grouping with 400 naming the field', async () => {
    const h = await rigs.open();
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const field = async (query: string) => {
      const reply = await summary(manager, query);
      expect(reply.status).toBe(400);
      return ErrorBody.parse(reply.body).error.fields?.map((f) => f.path);
    };
    expect(await field(`to=${DAY}`)).toEqual(['from']);
    expect(await field(`from=2025-02-30&to=${DAY}`)).toEqual(['from']);
    expect(await field(`from=${DAY}&to=2025-06-10`)).toEqual(['to']);
    expect(await field(`from=2024-01-01&to=${DAY}`)).toEqual(['to']);
    expect(await field(`from=${DAY}&to=${DAY}&by=week`)).toEqual(['by']);
    expect(await field(`from=${DAY}&to=${DAY}&colour=red`)).toEqual(['colour']);
  });
});
