import { describe, expect, it } from 'vitest';
import { ErrorBody } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { api, DISPLAY_KEY, login, rid } from './harness';
import { ratingRigs } from './rating-rig';

const rigs = ratingRigs();
/** A report starts the report worker (a thread loading the domain) on each new server: a second or two. */
const REPORT_TEST_MS = 20_000;
const DAY = '2025-06-11';

/** A service at window 3 up to the finish, which the test sends itself. */
async function serving(h: Awaited<ReturnType<typeof rigs.open>>, serviceItem?: string) {
  const c03 = await h.clerk('c03', 3);
  const issued = await ok(
    'issueTicket',
    h.kiosk.post('/api/tickets', {
      requestId: rid(),
      windowType: 'personal',
      ...(serviceItem !== undefined && { serviceItem }),
    }),
  );
  await ok('callNext', c03.post('/api/windows/3/call-next', { requestId: rid() }));
  await ok('start', c03.post('/api/windows/3/start', { requestId: rid() }));
  h.clock.advanceMinutes(5);
  const finish = (body: Record<string, unknown>) =>
    c03.post('/api/windows/3/finish', { requestId: rid(), outcome: { kind: 'completed' }, ...body });
  return { ticket: issued.ticket, finish, c03 };
}

describe('served items at the finish (事项办件量)', { timeout: REPORT_TEST_MS }, () => {
  it('records the items the clerk confirms, and counts the visit under each in the summary by item', async () => {
    const h = await rigs.open();
    const s = await serving(h, 'elderly-allowance');
    const done = await ok('finish', s.finish({ servedItems: ['elderly-allowance', 'minimum-living-allowance'] }));
    expect(done.ticket).toMatchObject({ id: s.ticket.id, state: 'finished' });
    expect(done.ticket!.servedItems).toEqual(['elderly-allowance', 'minimum-living-allowance']);

    const plain = await serving(h, 'elderly-allowance');
    await ok('finish', plain.finish({}));

    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const byItem = await ok('reportSummary', manager.get(`/api/reports/summary?from=${DAY}&to=${DAY}&by=item`));
    expect(byItem.groups.map((g) => [g.key, g.tickets.served])).toEqual([
      ['elderly-allowance', 2],
      ['minimum-living-allowance', 1],
    ]);
    const hall = await ok('reportSummary', manager.get(`/api/reports/summary?from=${DAY}&to=${DAY}`));
    expect(hall.groups[0]!.tickets.served).toBe(2);
  });

  it('refuses an item the hall does not have, naming its place in the list, and serves on', async () => {
    const h = await rigs.open();
    const s = await serving(h);
    const reply = await s.finish({ servedItems: ['elderly-allowance', 'no-such-item'] });
    expect(reply.status).toBe(400);
    expect(ErrorBody.parse(reply.body).error.fields?.map((f) => f.path)).toEqual(['servedItems.1']);
    await ok('finish', s.finish({ servedItems: ['elderly-allowance'] }));
  });

  it('refuses served items named with a transfer: the window that finishes the ticket records them', async () => {
    const h = await rigs.open();
    const s = await serving(h);
    const reply = await s.finish({
      outcome: { kind: 'transferred', toWindowType: 'legal' },
      servedItems: ['elderly-allowance'],
    });
    expect(reply.status).toBe(400);
    expect(ErrorBody.parse(reply.body).error.fields?.map((f) => f.path)).toEqual(['servedItems']);
  });
});

describe('GET /api/reports/tickets (drill-down)', { timeout: REPORT_TEST_MS }, () => {
  it('lists the tickets behind a figure of a group, narrowed by the same filters as the summary', async () => {
    const h = await rigs.open();
    await h.serve(3, 'c03', { minutes: 4, serviceItem: 'elderly-allowance' });
    await h.serve(3, 'c03', { minutes: 6 });
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));
    const drill = (query: string) => manager.get(`/api/reports/tickets?from=${DAY}&to=${DAY}&${query}`);

    const served = await ok('reportTickets', drill('by=window&key=3&figure=served'));
    expect(served.total).toBe(2);
    expect(served.rows.map((r) => [r.window, r.clerk, r.end, r.serviceMinutes])).toEqual([
      [3, 'c03', 'completed', 4],
      [3, 'c03', 'completed', 6],
    ]);
    const ofItem = await ok('reportTickets', drill('by=hall&key=hall&figure=served&item=elderly-allowance'));
    expect(ofItem.rows.map((r) => r.items)).toEqual([['elderly-allowance']]);
    const summary = await ok(
      'reportSummary',
      manager.get(`/api/reports/summary?from=${DAY}&to=${DAY}&item=elderly-allowance`),
    );
    expect(summary.filter).toEqual({ item: 'elderly-allowance' });
    expect(summary.groups[0]!.tickets.served).toBe(ofItem.total);
  });

  it('holds a clerk to their own tickets and refuses devices; a bad figure is a 400 naming it', async () => {
    const h = await rigs.open();
    await h.serve(3, 'c03', { minutes: 4 });
    const query = `from=${DAY}&to=${DAY}&by=hall&key=hall&figure=served`;
    const c04 = api(h.server.url, await login(h.server.url, 'c04', 'demo'));
    expect((await ok('reportTickets', c04.get(`/api/reports/tickets?${query}`))).total).toBe(0);
    const c03 = api(h.server.url, await login(h.server.url, 'c03', 'demo'));
    expect((await ok('reportTickets', c03.get(`/api/reports/tickets?${query}`))).total).toBe(1);
    await refused(api(h.server.url, DISPLAY_KEY).get(`/api/reports/tickets?${query}`), 403, 'forbidden');
    const bad = await c03.get(`/api/reports/tickets?${query.replace('served', 'everything')}`);
    expect(ErrorBody.parse(bad.body).error.fields?.map((f) => f.path)).toEqual(['figure']);
  });
});
