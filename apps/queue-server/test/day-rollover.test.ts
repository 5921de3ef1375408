import { afterAll, describe, expect, it } from 'vitest';
import type { IssuedTicket, QueuesResponse, TicketStatus, WindowActionResponse } from '@hallq/shared/contracts';
import { KIOSK_KEY, api, login, rid, startTestServer, type TestServer } from './harness';

// The demo hall is in Asia/Shanghai (UTC+8, no DST): local midnight of the 24th is 16:00Z on the 23rd.
let now = Date.parse('2026-11-23T02:00:00Z'); // Monday 23rd, 10:00 local
const clock = () => new Date(now);
const setLocal = (iso: string) => {
  now = Date.parse(iso);
};

describe('the hall day turns at local midnight', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('restarts numbering, empties the queues of yesterday and keeps today across a restart', async () => {
    const server = await startTestServer({ clock });
    servers.push(server);
    const kiosk = api(server.url, KIOSK_KEY);
    const issue = async () => {
      const r = await kiosk.post<IssuedTicket>('/api/tickets', { requestId: rid('issue'), windowType: 'personal' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body;
    };
    const status = async (t: IssuedTicket) =>
      (await api(server.url).get<TicketStatus>(`/api/tickets/status/${t.statusToken}`)).body;
    const personal = async (url = server.url) => {
      const r = await api(url).get<QueuesResponse>('/api/queues');
      return { hallDay: r.body.hallDay, ...r.body.queues.find((q) => q.windowType === 'personal')! };
    };

    const a1 = await issue();
    const a2 = await issue();
    expect([a1.ticket.number, a2.ticket.number]).toEqual(['A001', 'A002']);
    expect(a1.ticket.hallDay).toBe('2026-11-23');

    // Window 2 calls A001 twice and marks it no-show; A002 stays waiting.
    let c02 = await login(server.url, 'c02', 'demo', 2);
    const act = (action: string) =>
      api(server.url, c02).post<WindowActionResponse>(`/api/windows/2/${action}`, { requestId: rid(action) });
    expect((await act('call-next')).body.ticket?.number).toBe('A001');
    expect((await act('recall')).status).toBe(200);
    expect((await act('no-show')).body.ticket?.state).toBe('no_show');

    // 23:59:59 local is still the 23rd.
    setLocal('2026-11-23T23:59:59+08:00');
    const a3 = await issue();
    expect(a3.ticket).toMatchObject({ number: 'A003', hallDay: '2026-11-23' });
    expect(await personal()).toMatchObject({ hallDay: '2026-11-23', waiting: 2, issuedToday: 3 });

    // 00:00 local on the 24th (16:00Z): a new day with empty queues.
    setLocal('2026-11-23T16:00:00Z');
    expect((await api(server.url).get('/api/health')).body.hallDay).toBe('2026-11-24');
    expect(await personal()).toMatchObject({ hallDay: '2026-11-24', waiting: 0, issuedToday: 0 });
    const window2 = await api(server.url, KIOSK_KEY).get(`/api/windows/2`);
    expect(window2.body.queues[0]).toMatchObject({ windowType: 'personal', waiting: 0, next: [] });

    // A staff login lasts 12 hours: yesterday's has expired, the clerk logs in again (the window stays open).
    expect((await act('call-next')).status).toBe(401);
    c02 = await login(server.url, 'c02', 'demo', 2);

    // Yesterday's no-show A001 cannot come back today: today there is no A001 yet.
    const gone = await api(server.url, await login(server.url, 'g01', 'demo')).post('/api/tickets/A001/reactivate', {
      requestId: rid('react'),
    });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('not_found');

    const b1 = await issue();
    expect(b1.ticket).toMatchObject({ number: 'A001', hallDay: '2026-11-24', sequence: 1 });
    expect(b1.peopleAhead).toBe(0);
    const b2 = await issue();
    expect(b2.ticket.number).toBe('A002');
    expect(await personal()).toMatchObject({ waiting: 2, issuedToday: 2 });

    // A001 now names today's waiting ticket: reactivating it is refused, and yesterday's stays a no-show.
    const other = await api(server.url, await login(server.url, 'g01', 'demo')).post('/api/tickets/A001/reactivate', {
      requestId: rid('react'),
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('invalid_state');
    expect(await status(a1)).toMatchObject({ hallDay: '2026-11-23', state: 'no_show', peopleAhead: null });
    expect(await status(b1)).toMatchObject({ hallDay: '2026-11-24', state: 'waiting', peopleAhead: 0 });

    // Yesterday's waiting tickets still answer on the phone page, but are in no queue and never called.
    expect(await status(a2)).toMatchObject({ hallDay: '2026-11-23', state: 'waiting', peopleAhead: null });
    expect(await status(a3)).toMatchObject({ hallDay: '2026-11-23', state: 'waiting', peopleAhead: null });
    expect((await act('call-next')).body.ticket).toMatchObject({ number: 'A001', id: b1.ticket.id });

    // A restart on the 24th keeps today's numbering.
    await server.close();
    setLocal('2026-11-24T09:00:00+08:00');
    const again = await startTestServer({ dataDir: server.dataDir, clock });
    servers.push(again);
    expect(await personal(again.url)).toMatchObject({ hallDay: '2026-11-24', waiting: 1, issuedToday: 2 });
    const b3 = await api(again.url, KIOSK_KEY).post<IssuedTicket>('/api/tickets', {
      requestId: rid('issue'),
      windowType: 'personal',
    });
    expect(b3.body.ticket).toMatchObject({ number: 'A003', hallDay: '2026-11-24' });
    // Window 2 still holds today's A001 after the restart, and takes A002 after it, never yesterday's tickets.
    const at2 = (action: string, body: object = {}) =>
      api(again.url, c02).post<WindowActionResponse>(`/api/windows/2/${action}`, { requestId: rid(action), ...body });
    expect((await at2('start')).body.ticket?.id).toBe(b1.ticket.id);
    expect((await at2('finish', { outcome: { kind: 'completed' } })).status).toBe(200);
    expect((await at2('call-next')).body.ticket?.id).toBe(b2.ticket.id);
    const yesterday = await api(again.url).get<TicketStatus>(`/api/tickets/status/${a2.statusToken}`);
    expect(yesterday.body).toMatchObject({ hallDay: '2026-11-23', state: 'waiting', window: null });
  }, 20_000);

  it('frees a window that still held a ticket of yesterday at midnight', async () => {
    now = Date.parse('2026-11-25T17:00:00+08:00');
    const server = await startTestServer({ clock });
    servers.push(server);
    const t = await api(server.url, KIOSK_KEY).post<IssuedTicket>('/api/tickets', {
      requestId: rid('issue'),
      windowType: 'personal',
    });
    let c03 = await login(server.url, 'c03', 'demo', 3);
    const act = (action: string, body: object = {}) =>
      api(server.url, c03).post<WindowActionResponse>(`/api/windows/3/${action}`, { requestId: rid(action), ...body });
    expect((await act('call-next')).body.ticket?.id).toBe(t.body.ticket.id);
    expect((await act('start')).status).toBe(200);

    // The clerk left the ticket in service overnight; the next morning the window must not be stuck.
    now = Date.parse('2026-11-26T09:00:00+08:00');
    c03 = await login(server.url, 'c03', 'demo', 3);
    const fresh = await api(server.url, KIOSK_KEY).post<IssuedTicket>('/api/tickets', {
      requestId: rid('issue'),
      windowType: 'personal',
    });
    expect(fresh.body.ticket.number).toBe('A001');
    const finish = await act('finish', { outcome: { kind: 'completed' } });
    expect(finish.status, JSON.stringify(finish.body)).toBe(200);
    expect(finish.body.window.currentTicket).toBeNull();
    const next = await act('call-next');
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.ticket?.id).toBe(fresh.body.ticket.id);
    const old = await api(server.url).get<TicketStatus>(`/api/tickets/status/${t.body.statusToken}`);
    expect(old.body).toMatchObject({ hallDay: '2026-11-25', state: 'finished' });
  }, 20_000);
});
