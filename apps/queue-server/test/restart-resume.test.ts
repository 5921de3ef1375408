import { afterAll, describe, expect, it } from 'vitest';
import { DeviceSnapshot, type IssuedTicket, type WindowActionResponse } from '@hallq/shared/contracts';
import { type WindowState } from '@hallq/shared/domain';
import { DISPLAY_KEY, KIOSK_KEY, api, connect, login, rid, startTestServer, type TestServer } from './harness';

// Monday 23 November 2026, 10:00 in Lhasa (Asia/Shanghai, UTC+8); the clock moves only when the test moves it.
let now = Date.parse('2026-11-23T02:00:00Z');
const clock = () => new Date(now);
const tick = (ms = 1000) => {
  now += ms;
};

describe('a clean restart resumes the day exactly', () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('keeps queues, called tickets, windows, numbering and the event sequence', async () => {
    const first = await startTestServer({ clock });
    servers.push(first);
    const kiosk = api(first.url, KIOSK_KEY);
    const issued: IssuedTicket[] = [];
    for (const windowType of ['personal', 'personal', 'personal', 'personal', 'personal', 'legal', 'legal', 'tax']) {
      tick();
      const r = await kiosk.post<IssuedTicket>('/api/tickets', { requestId: rid('issue'), windowType });
      expect(r.status).toBe(201);
      issued.push(r.body);
    }
    expect(issued.map((t) => t.ticket.number)).toEqual([
      'A001',
      'A002',
      'A003',
      'A004',
      'A005',
      'B001',
      'B002',
      'E001',
    ]);

    // Window 2 calls A001; window 3 calls A002 and starts serving it; window 6 calls B001; window 5 opens and pauses.
    const tokens = {
      c02: await login(first.url, 'c02', 'demo', 2),
      c03: await login(first.url, 'c03', 'demo', 3),
      c05: await login(first.url, 'c05', 'demo', 5),
      c06: await login(first.url, 'c06', 'demo', 6),
    };
    const act = async (url: string, token: string, window: number, action: string, body: object = {}) => {
      tick();
      return api(url, token).post<WindowActionResponse>(`/api/windows/${window}/${action}`, {
        requestId: rid(action),
        ...body,
      });
    };
    expect((await act(first.url, tokens.c02, 2, 'call-next')).body.ticket?.number).toBe('A001');
    expect((await act(first.url, tokens.c03, 3, 'call-next')).body.ticket?.number).toBe('A002');
    expect((await act(first.url, tokens.c03, 3, 'start')).body.ticket?.state).toBe('serving');
    expect((await act(first.url, tokens.c06, 6, 'call-next')).body.ticket?.number).toBe('B001');
    expect((await act(first.url, tokens.c05, 5, 'pause', { reason: 'lunch' })).body.window.status).toBe('paused');

    tick();
    expect((await act(first.url, tokens.c06, 6, 'recall')).body.ticket?.number).toBe('B001');
    const before = await observe(first.url, issued);
    expect(before.recentCalls.map((c) => `${c.number}@${c.window}${c.recall ? ' again' : ''}`)).toEqual([
      'B001@6 again',
      'B001@6',
      'A002@3',
      'A001@2',
    ]);
    expect(before.windows.find((w) => w.number === 5)).toMatchObject({
      status: 'paused',
      pauseReason: 'lunch',
      clerk: 'c05',
    });
    expect(before.seq).toBeGreaterThan(0);
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir, clock });
    servers.push(second);
    const after = await observe(second.url, issued);
    expect(after.queues).toEqual(before.queues);
    // Windows never opened are "closed since the server started"; every window that was used is exactly as it was.
    expect(after.windows.map(unlessNeverOpened)).toEqual(before.windows.map(unlessNeverOpened));
    expect(after.statuses).toEqual(before.statuses);
    expect(after.details).toEqual(before.details);
    expect(after.hallDay).toBe(before.hallDay);
    // The hall display's history of calls, rebuilt from the journal.
    expect(after.recentCalls).toEqual(before.recentCalls);
    // The event sequence never goes back: a display that saw seq N must not be told N again for another event.
    expect(after.seq).toBeGreaterThanOrEqual(before.seq);

    // The staff tokens of before still act; the windows carry on where they were.
    const busy = await act(second.url, tokens.c02, 2, 'call-next');
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ error: { code: 'window_busy' } });
    const finished = await act(second.url, tokens.c03, 3, 'finish', { outcome: { kind: 'completed' } });
    expect(finished.status).toBe(200);
    expect(finished.body.window.currentTicket).toBeNull();
    const next = await act(second.url, tokens.c03, 3, 'call-next');
    expect(next.body.ticket?.number).toBe('A003');
    const paused = await act(second.url, tokens.c05, 5, 'call-next');
    expect(paused.status).toBe(409);
    expect((await act(second.url, tokens.c05, 5, 'resume')).status).toBe(200);
    expect((await act(second.url, tokens.c05, 5, 'call-next')).body.ticket?.number).toBe('A004');
    expect((await act(second.url, tokens.c06, 6, 'start')).body.ticket?.number).toBe('B001');

    // Numbering continues after the last number of the day, per prefix.
    tick();
    const more = await Promise.all(
      ['personal', 'legal', 'tax', 'social-security'].map((windowType) =>
        api(second.url, KIOSK_KEY).post<IssuedTicket>('/api/tickets', { requestId: rid('issue'), windowType }),
      ),
    );
    expect(more.map((r) => r.body.ticket.number)).toEqual(['A006', 'B003', 'E002', 'C001']);
    const health = await api(second.url).get<{ seq: number }>('/api/health');
    expect(health.body.seq).toBeGreaterThan(after.seq);
  }, 20_000);

  it("drops a call given up on (过号) from the hall display's recent calls, at once and after the restart", async () => {
    const first = await startTestServer({ clock });
    servers.push(first);
    const kiosk = api(first.url, KIOSK_KEY);
    for (let i = 0; i < 2; i++) {
      tick();
      expect((await kiosk.post('/api/tickets', { requestId: rid('issue'), windowType: 'personal' })).status).toBe(201);
    }
    const c02 = api(first.url, await login(first.url, 'c02', 'demo', 2));
    const act = (action: string) => {
      tick();
      return c02.post<WindowActionResponse>(`/api/windows/2/${action}`, { requestId: rid(action) });
    };
    const calls = async (url: string) => {
      const display = await connect(url, { room: 'hall', token: DISPLAY_KEY });
      display.socket.disconnect();
      return DeviceSnapshot.parse(display.snapshot).recentCalls.map((c) => `${c.number}@${c.window}`);
    };
    expect((await act('call-next')).status).toBe(200);
    expect((await act('recall')).status).toBe(200);
    expect((await act('no-show')).body.ticket?.state).toBe('no_show');
    expect((await act('call-next')).body.ticket?.number).toBe('A002');
    expect(await calls(first.url)).toEqual(['A002@2']);
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir, clock });
    servers.push(second);
    expect(await calls(second.url)).toEqual(['A002@2']);
  });
});

async function observe(url: string, issued: IssuedTicket[]) {
  const device = api(url, KIOSK_KEY);
  const display = await connect(url, { room: 'hall', token: DISPLAY_KEY });
  display.socket.disconnect();
  const health = await api(url).get<{ seq: number; hallDay: string }>('/api/health');
  const queues = await api(url).get<{ queues: unknown[] }>('/api/queues');
  const windows = await device.get<{ windows: WindowState[] }>('/api/windows');
  const details = await Promise.all([2, 3, 5, 6].map((n) => device.get(`/api/windows/${n}`)));
  const statuses = await Promise.all(issued.map((t) => api(url).get(`/api/tickets/status/${t.statusToken}`)));
  for (const r of [health, queues, windows, ...details, ...statuses]) expect(r.status).toBe(200);
  return {
    seq: health.body.seq,
    hallDay: health.body.hallDay,
    queues: queues.body.queues,
    windows: windows.body.windows,
    details: details.map((d) => d.body as unknown),
    statuses: statuses.map((s) => s.body as unknown),
    recentCalls: DeviceSnapshot.parse(display.snapshot).recentCalls,
  };
}

function unlessNeverOpened(w: WindowState): Partial<WindowState> {
  if (w.status !== 'closed' || w.clerk !== null) return w;
  const { since: _since, ...rest } = w;
  return rest;
}
