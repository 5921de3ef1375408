import { describe, expect, it } from 'vitest';
import { windowActionSegment, type WindowActionName } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { api, login, rid } from './harness';
import { ratingRigs, type Rig } from './rating-rig';

const rigs = ratingRigs();
/** A report starts the report worker (a thread loading the domain) on each new server: a second or two. */
const REPORT_TEST_MS = 20_000;
/** Wednesday 11 June 2025: the rig's clock starts there at 10:00 (02:00Z, the hall is in Asia/Shanghai). */
const DAY = '2025-06-11';
const ONE_DAY = `from=${DAY}&to=${DAY}`;

const manager = async (h: Rig) => api(h.server.url, await login(h.server.url, 'admin', 'admin'));
const summary = async (h: Rig, query: string) =>
  ok('reportSummary', (await manager(h)).get(`/api/reports/summary?${query}`));
/** The hall's one group of the day's summary. */
const hallOf = async (h: Rig) => (await summary(h, ONE_DAY)).groups[0]!;

/** A window action by the clerk logged in there, its answer checked against the action's contract. */
async function act(
  h: Rig,
  staffId: string,
  window: number,
  action: WindowActionName,
  body: Record<string, unknown> = {},
) {
  const clerk = await h.clerk(staffId, window);
  const path = `/api/windows/${window}/${windowActionSegment(action)}`;
  return ok(action, clerk.post(path, { requestId: rid(action), ...body }));
}
const issuePersonal = (h: Rig) =>
  ok('issueTicket', h.kiosk.post('/api/tickets', { requestId: rid('issue'), windowType: 'personal' }));

/** Waits of 0–5, 5–10 … 55–60 minutes and 60 and more: `counts` put in their buckets. */
const bucketsWith = (counts: Record<number, number>) => Array.from({ length: 13 }, (_, i) => counts[i] ?? 0);

describe('the hall figures on edge cases', { timeout: REPORT_TEST_MS }, () => {
  it('counts a no-show reactivated and then served as one served visit with two waits, and no no-show', async () => {
    const h = await rigs.open();
    await h.clerk('c03', 3);
    const { ticket } = await issuePersonal(h); // 10:00
    h.clock.advanceMinutes(4);
    await act(h, 'c03', 3, 'callNext'); // 10:04: the first stint waited 4
    await act(h, 'c03', 3, 'recall');
    h.clock.advanceMinutes(2);
    await act(h, 'c03', 3, 'noShow'); // 10:06
    h.clock.advanceMinutes(10);
    const guide = api(h.server.url, await login(h.server.url, 'g01', 'demo'));
    await ok('reactivateTicket', guide.post(`/api/tickets/${ticket.number}/reactivate`, { requestId: rid() })); // 10:16
    h.clock.advanceMinutes(7);
    await act(h, 'c03', 3, 'callNext'); // 10:23: the second stint, queued again at 10:16, waited 7
    h.clock.advanceMinutes(1);
    await act(h, 'c03', 3, 'start'); // 10:24
    h.clock.advanceMinutes(5);
    await act(h, 'c03', 3, 'finish', { outcome: { kind: 'completed' } }); // 10:29

    const hall = await hallOf(h);
    expect(hall.tickets).toMatchObject({ issued: 1, served: 1, noShows: 0, walkouts: 0, transferred: 0 });
    // Waits 4 and 7: mean 5.5, nearest-rank p50 4 and p90 7; one in 0–5, one in 5–10.
    expect(hall.tickets.waiting).toMatchObject({ count: 2, mean: 5.5, p50: 4, p90: 7, max: 7, aboveServiceLevel: 0 });
    expect(hall.tickets.waiting.buckets).toEqual(bucketsWith({ 0: 1, 1: 1 }));
    // Only the second stint walked up (1) and was served (5).
    expect(hall.tickets.walking).toMatchObject({ count: 1, max: 1 });
    expect(hall.tickets.service).toMatchObject({ count: 1, max: 5 });

    const called = await ok(
      'reportTickets',
      (await manager(h)).get(`/api/reports/tickets?${ONE_DAY}&by=hall&key=hall&figure=called`),
    );
    expect(called.total).toBe(2);
    expect(called.rows.map((r) => [r.number, r.queuedAt, r.calledAt, r.end, r.waitMinutes, r.window, r.clerk])).toEqual(
      [
        [ticket.number, '2025-06-11T02:00:00.000Z', '2025-06-11T02:04:00.000Z', 'noShow', 4, 3, 'c03'],
        [ticket.number, '2025-06-11T02:16:00.000Z', '2025-06-11T02:23:00.000Z', 'completed', 7, 3, 'c03'],
      ],
    );
    const noShows = await ok(
      'reportTickets',
      (await manager(h)).get(`/api/reports/tickets?${ONE_DAY}&by=hall&key=hall&figure=noShows`),
    );
    expect(noShows).toMatchObject({ total: 0, rows: [] });
  });

  it('counts a transfer as a service at each queue: the first type transferred it, the second served it', async () => {
    const h = await rigs.open();
    await h.clerk('c03', 3);
    await h.clerk('c06', 6); // window 6 serves legal (法人综窗)
    await issuePersonal(h); // 10:00
    h.clock.advanceMinutes(3);
    await act(h, 'c03', 3, 'callNext'); // 10:03: waited 3 for personal
    h.clock.advanceMinutes(1);
    await act(h, 'c03', 3, 'start'); // 10:04
    h.clock.advanceMinutes(4);
    await act(h, 'c03', 3, 'transfer', { toWindowType: 'legal' }); // 10:08: 4 minutes' service, then 转交
    h.clock.advanceMinutes(10);
    await act(h, 'c06', 6, 'callNext'); // 10:18: waited 10 for legal, counted from the transfer
    h.clock.advanceMinutes(2);
    await act(h, 'c06', 6, 'start'); // 10:20
    h.clock.advanceMinutes(12);
    await act(h, 'c06', 6, 'finish', { outcome: { kind: 'completed' } }); // 10:32

    const byType = await summary(h, `${ONE_DAY}&by=windowType`);
    expect(byType.groups.map((g) => g.key)).toEqual(['legal', 'personal']);
    const [legal, personal] = byType.groups;
    expect(personal!.tickets).toMatchObject({ issued: 1, served: 1, transferred: 1, noShows: 0, walkouts: 0 });
    expect(personal!.tickets.byOutcome).toMatchObject({ transferred: 1, completed: 0 });
    expect(personal!.tickets.waiting).toMatchObject({ count: 1, max: 3 });
    expect(personal!.tickets.service).toMatchObject({ count: 1, max: 4 });
    expect(legal!.tickets).toMatchObject({ issued: 0, served: 1, transferred: 0, noShows: 0, walkouts: 0 });
    expect(legal!.tickets.byOutcome).toMatchObject({ transferred: 0, completed: 1 });
    expect(legal!.tickets.waiting).toMatchObject({ count: 1, max: 10 });
    expect(legal!.tickets.service).toMatchObject({ count: 1, max: 12 });

    const hall = await hallOf(h);
    expect(hall.tickets).toMatchObject({ issued: 1, served: 2, transferred: 1, noShows: 0, walkouts: 0 });
    // Waits 3 and 10, services 4 and 12.
    expect(hall.tickets.waiting).toMatchObject({ count: 2, mean: 6.5, p50: 3, max: 10 });
    expect(hall.tickets.service).toMatchObject({ count: 2, mean: 8, p50: 4, max: 12 });

    const byWindow = await summary(h, `${ONE_DAY}&by=window`);
    expect(byWindow.groups.map((g) => [g.key, g.tickets.served, g.tickets.transferred])).toEqual([
      ['3', 1, 1],
      ['6', 1, 0],
    ]);
  });

  it("counts the lunch break in the wait of a ticket issued before it, and in the clerk's paused minutes", async () => {
    const h = await rigs.open();
    await h.clerk('c03', 3); // on post from 10:00
    // Personal (个人综窗) serves through lunch (09:00–17:30 with no break), so 11:55 is in its hours in the demo hall
    // file as in the rig's all-day copy of it. Window 3 is the only personal window open, and pauses for lunch.
    h.clock.advanceMinutes(115);
    await issuePersonal(h); // 11:55
    h.clock.advanceMinutes(5);
    await act(h, 'c03', 3, 'pause', { reason: 'lunch' }); // 12:00
    h.clock.advanceMinutes(90);
    await act(h, 'c03', 3, 'resume'); // 13:30
    await act(h, 'c03', 3, 'callNext'); // 13:30: waited 95, lunch included
    h.clock.advanceMinutes(2);
    await act(h, 'c03', 3, 'start'); // 13:32
    h.clock.advanceMinutes(6);
    await act(h, 'c03', 3, 'finish', { outcome: { kind: 'completed' } }); // 13:38

    const hall = await hallOf(h);
    // 95 minutes: the last bucket (60 and more), and past personal's target of 20.
    expect(hall.tickets.waiting).toMatchObject({ count: 1, mean: 95, max: 95, aboveServiceLevel: 1 });
    expect(hall.tickets.waiting.buckets).toEqual(bucketsWith({ 12: 1 }));

    const admin = await manager(h);
    const attendance = await ok('reportAttendance', admin.get(`/api/reports/attendance?${ONE_DAY}`));
    // On post 10:00–13:38 (218), paused for lunch 90, serving 6, idle the other 122.
    expect(attendance.rows).toEqual([
      {
        day: DAY,
        clerk: 'c03',
        onPostMinutes: 218,
        pausedMinutes: { lunch: 90, meeting: 0, away: 0, other: 0 },
        servingMinutes: 6,
        idleMinutes: 122,
        takeovers: 0,
      },
    ]);
    // The citizen waited while the only open personal window was at lunch: an empty post from 12:00 to 13:30.
    const emptyPosts = await ok('reportEmptyPosts', admin.get(`/api/reports/empty-posts?${ONE_DAY}`));
    expect(emptyPosts.intervals).toEqual([
      {
        day: DAY,
        windowType: 'personal',
        from: '2025-06-11T04:00:00.000Z',
        to: '2025-06-11T05:30:00.000Z',
        minutes: 90,
      },
    ]);
  });

  it("measures an appointment's wait from its check-in, not from its booking or its slot", async () => {
    const h = await rigs.open();
    await h.clerk('c03', 3);
    const c02 = api(h.server.url, await login(h.server.url, 'c02', 'demo'));
    const booked = await ok(
      'createAppointment',
      c02.post('/api/appointments', {
        requestId: rid('book'),
        windowType: 'personal',
        slotStart: '2025-06-11T10:30:00+08:00',
      }),
    ); // booked at 10:00
    h.clock.advanceMinutes(20);
    const checkedIn = await ok(
      'issueTicket',
      h.kiosk.post('/api/tickets', { appointmentCode: booked.code, requestId: rid('check-in') }),
    ); // 10:20, ten minutes before the slot
    expect(checkedIn.ticket.appointment?.code).toBe(booked.code);
    h.clock.advanceMinutes(7);
    await act(h, 'c03', 3, 'callNext'); // 10:27: 7 after check-in (27 after booking, 3 before the slot)
    await act(h, 'c03', 3, 'start');
    h.clock.advanceMinutes(5);
    await act(h, 'c03', 3, 'finish', { outcome: { kind: 'completed' } });

    const hall = await hallOf(h);
    expect(hall.tickets).toMatchObject({ issued: 1, served: 1 });
    expect(hall.tickets.waiting).toMatchObject({ count: 1, mean: 7, max: 7, aboveServiceLevel: 0 });
    expect(hall.tickets.waiting.buckets).toEqual(bucketsWith({ 1: 1 }));
    const called = await ok(
      'reportTickets',
      (await manager(h)).get(`/api/reports/tickets?${ONE_DAY}&by=hall&key=hall&figure=called`),
    );
    expect(called.rows.map((r) => [r.number, r.queuedAt, r.calledAt, r.waitMinutes])).toEqual([
      [checkedIn.ticket.number, '2025-06-11T02:20:00.000Z', '2025-06-11T02:27:00.000Z', 7],
    ]);
  });

  it('counts nothing for a day without tickets: no group of its own, and empty reports for it alone', async () => {
    const h = await rigs.open();
    await h.serve(3, 'c03', { minutes: 4 }); // Wednesday 11th, 10:00
    // Thursday the 12th passes without a ticket; on Friday the 13th at 10:00 window 2 serves one.
    h.clock.set('2025-06-13T02:00:00.000Z');
    await h.serve(2, 'c02', { minutes: 6 });

    const byDay = await summary(h, 'from=2025-06-11&to=2025-06-13&by=day');
    expect(byDay.groups.map((g) => [g.key, g.tickets.issued, g.tickets.served])).toEqual([
      ['2025-06-11', 1, 1],
      ['2025-06-13', 1, 1],
    ]);
    const period = await summary(h, 'from=2025-06-11&to=2025-06-13');
    expect(period.groups.map((g) => [g.key, g.tickets.issued, g.tickets.served])).toEqual([['hall', 2, 2]]);

    const thursday = 'from=2025-06-12&to=2025-06-12';
    expect((await summary(h, thursday)).groups).toEqual([]);
    expect((await summary(h, `${thursday}&by=window`)).groups).toEqual([]);
    const admin = await manager(h);
    expect((await ok('reportAttendance', admin.get(`/api/reports/attendance?${thursday}`))).rows).toEqual([]);
    expect(await ok('reportEmptyPosts', admin.get(`/api/reports/empty-posts?${thursday}`))).toMatchObject({
      intervals: [],
      byDay: [],
    });
  });
});
