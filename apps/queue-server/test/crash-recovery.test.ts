import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { IssuedTicket, QueuesResponse, TicketStatus, WindowActionResponse } from '@hallq/shared/contracts';
import type { WindowState } from '@hallq/shared/domain';
import { KIOSK_KEY, api, login, rid } from './harness';
import { killServer, spawnServer, tempHall, type ServerProcess } from './server-process';

const CLIENTS = [
  { windowType: 'personal', prefix: 'A' },
  { windowType: 'personal', prefix: 'A' },
  { windowType: 'personal', prefix: 'A' },
  { windowType: 'personal', prefix: 'A' },
  { windowType: 'legal', prefix: 'B' },
  { windowType: 'legal', prefix: 'B' },
];
/** Kill once this many tickets have been acknowledged. */
const KILL_AFTER = 150;

describe('kill -9 in the middle of issuing, then restart on the same data', () => {
  const { configPath, dataDir } = tempHall();
  const started: ServerProcess[] = [];
  const start = async () => {
    const s = await spawnServer({ configPath, dataDir });
    started.push(s);
    return s;
  };
  afterAll(async () => {
    for (const s of started) await killServer(s);
  });

  /** Every 201 the clients received before the kill. */
  const acked: IssuedTicket[] = [];
  /** Per prefix, requests whose answer never came (they may or may not have been committed). */
  const unanswered = new Map<string, number>();
  let seqBeforeKill = 0;
  let staffToken = '';
  let called: IssuedTicket | undefined;
  let after: ServerProcess;

  it('keeps every acknowledged ticket, the numbering, the called ticket, the window and the staff session', async () => {
    const first = await start();
    // Before the load: window 2 opens and calls A001; window 5 opens and pauses for lunch.
    staffToken = await login(first.url, 'c02', 'demo', 2);
    const c05 = await login(first.url, 'c05', 'demo', 5);
    const kiosk = api(first.url, KIOSK_KEY);
    const a1 = await kiosk.post<IssuedTicket>('/api/tickets', { requestId: rid('issue'), windowType: 'personal' });
    expect(a1.status).toBe(201);
    acked.push(a1.body);
    const call = await api(first.url, staffToken).post<WindowActionResponse>('/api/windows/2/call-next', {
      requestId: rid('call'),
    });
    expect(call.body.ticket?.number).toBe('A001');
    called = a1.body;
    const pause = await api(first.url, c05).post('/api/windows/5/pause', { requestId: rid('pause'), reason: 'lunch' });
    expect(pause.status).toBe(200);

    // The load: six clients issue as fast as they are answered, until the server dies under them.
    let killed = false;
    const kill = async () => {
      if (killed) return;
      killed = true;
      seqBeforeKill = (await api(first.url).get<{ seq: number }>('/api/health')).body.seq;
      first.child.kill('SIGKILL');
    };
    await Promise.all(
      CLIENTS.map(async ({ windowType, prefix }, k) => {
        for (;;) {
          let reply;
          try {
            reply = await kiosk.post<IssuedTicket>('/api/tickets', { requestId: rid(`load${k}`), windowType });
          } catch {
            unanswered.set(prefix, (unanswered.get(prefix) ?? 0) + 1);
            return;
          }
          expect(reply.status, JSON.stringify(reply.body)).toBe(201);
          acked.push(reply.body);
          if (acked.length >= KILL_AFTER) void kill();
        }
      }),
    );
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);

    after = await start();
    // Every acknowledged ticket is there, as it was answered.
    const statuses = await Promise.all(
      acked.map((t) => api(after.url).get<TicketStatus>(`/api/tickets/status/${t.statusToken}`)),
    );
    statuses.forEach((s, i) => {
      const t = acked[i]!.ticket;
      expect(s.status, `${t.number} lost`).toBe(200);
      expect(s.body).toMatchObject({ number: t.number, hallDay: t.hallDay, issuedAt: t.issuedAt });
      expect(s.body.state).toBe(t.id === called!.ticket.id ? 'called' : 'waiting');
    });

    // Numbering: the acknowledged numbers are distinct, and any number missing from them was in flight at the kill.
    const queues = (await api(after.url).get<QueuesResponse>('/api/queues')).body;
    const db = new Database(join(dataDir, 'hallq.sqlite'), { readonly: true });
    try {
      for (const prefix of ['A', 'B']) {
        const windowType = prefix === 'A' ? 'personal' : 'legal';
        const mine = acked.filter((t) => t.ticket.number.startsWith(prefix)).map((t) => t.ticket.sequence);
        expect(new Set(mine).size).toBe(mine.length);
        const top = Math.max(...mine);
        const issuedToday = queues.queues.find((q) => q.windowType === windowType)!.issuedToday;
        const inFlight = unanswered.get(prefix) ?? 0;
        expect(issuedToday).toBeGreaterThanOrEqual(top);
        expect(issuedToday - mine.length).toBeLessThanOrEqual(inFlight);
        // The database holds exactly 1…issuedToday for the day: the counter and the ticket are one transaction.
        const stored = db
          .prepare('SELECT number FROM tickets WHERE hall_day = ? AND number LIKE ? ORDER BY number')
          .pluck()
          .all(called!.ticket.hallDay, `${prefix}%`) as string[];
        const expected = Array.from({ length: issuedToday }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
        expect(stored).toEqual(expected);
        // The next ticket continues after the last one issued, never reusing a number.
        const next = await api(after.url, KIOSK_KEY).post<IssuedTicket>('/api/tickets', {
          requestId: rid('next'),
          windowType,
        });
        expect(next.body.ticket.sequence).toBe(issuedToday + 1);
      }
      // The queues in memory are the waiting tickets on disk (the two just issued included).
      const waiting = db
        .prepare("SELECT COUNT(*) FROM tickets WHERE hall_day = ? AND state = 'waiting'")
        .pluck()
        .get(called!.ticket.hallDay) as number;
      const afterNext = (await api(after.url).get<QueuesResponse>('/api/queues')).body.queues;
      expect(afterNext.reduce((n, q) => n + q.waiting, 0)).toBe(waiting);
      expect(waiting).toBe(queues.queues.reduce((n, q) => n + q.waiting, 0) + 2);
    } finally {
      db.close();
    }

    // The window still holds its called ticket with its clerk; the paused window is still paused.
    const windows = (await api(after.url, KIOSK_KEY).get<{ windows: WindowState[] }>('/api/windows')).body.windows;
    expect(windows.find((w) => w.number === 2)).toMatchObject({
      status: 'open',
      clerk: 'c02',
      currentTicket: called!.ticket.id,
    });
    expect(windows.find((w) => w.number === 5)).toMatchObject({ status: 'paused', clerk: 'c05', currentTicket: null });
    const seq = (await api(after.url).get<{ seq: number }>('/api/health')).body.seq;
    expect(seq).toBeGreaterThanOrEqual(seqBeforeKill);

    // The clerk's token from before the kill still works, on the ticket still called there.
    const recall = await api(after.url, staffToken).post<WindowActionResponse>('/api/windows/2/recall', {
      requestId: rid('recall'),
    });
    expect(recall.status, JSON.stringify(recall.body)).toBe(200);
    expect(recall.body.ticket).toMatchObject({ number: 'A001', calls: 2, window: 2 });
    const busy = await api(after.url, staffToken).post('/api/windows/2/call-next', { requestId: rid('call') });
    expect(busy.status).toBe(409);
  }, 40_000);

  it('SIGTERM closes cleanly: exit 0, the WAL folded into the database, the day resumed as it was', async () => {
    expect(after, 'the first test must have restarted the server').toBeDefined();
    const observe = async (url: string) => {
      const queues = (await api(url).get<QueuesResponse>('/api/queues')).body.queues;
      const windows = (await api(url, KIOSK_KEY).get<{ windows: WindowState[] }>('/api/windows')).body.windows;
      const seq = (await api(url).get<{ seq: number }>('/api/health')).body.seq;
      const sample = await Promise.all(
        acked.slice(-20).map(async (t) => (await api(url).get(`/api/tickets/status/${t.statusToken}`)).body as unknown),
      );
      return { queues, windows: windows.filter((w) => w.clerk !== null), seq, sample };
    };
    const before = await observe(after.url);
    after.child.kill('SIGTERM');
    expect(await after.exited).toEqual({ code: 0, signal: null });
    const wal = join(dataDir, 'hallq.sqlite-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0, 'the -wal file is empty or gone').toBe(true);

    const again = await start();
    const now = await observe(again.url);
    expect(now.windows).toEqual(before.windows);
    expect(now.sample).toEqual(before.sample);
    expect(now.seq).toBeGreaterThanOrEqual(before.seq);
    const strip = (q: typeof before.queues) => q.map(({ longestWaitMinutes: _l, ...rest }) => rest);
    expect(strip(now.queues)).toEqual(strip(before.queues));
    again.child.kill('SIGTERM');
    expect((await again.exited).code).toBe(0);
  }, 30_000);
});
