import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuedTicket, WindowActionResponse } from '@hallq/shared/contracts';
import type { Ticket, WindowState } from '@hallq/shared/domain';
import { KIOSK_KEY, api, bigHall, login, rid, startTestServer, type Reply, type TestServer } from './harness';

const WINDOWS = 40;
const KIOSKS = 10;
const TICKETS = 200;

describe('40 windows calling at once over HTTP', () => {
  let server: TestServer;
  /** ticket number → status token, as the kiosks were answered. */
  const issued = new Map<string, IssuedTicket>();
  const tokens: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ hall: bigHall(WINDOWS) });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('10 kiosks issuing at once get distinct consecutive numbers A001…A200 with no gap', async () => {
    const kiosk = api(server.url, KIOSK_KEY);
    const answers: Reply<IssuedTicket>[] = [];
    await Promise.all(
      Array.from({ length: KIOSKS }, async (_, k) => {
        for (let i = 0; i < TICKETS / KIOSKS; i++) {
          answers.push(
            await kiosk.post<IssuedTicket>('/api/tickets', { requestId: rid(`kiosk${k}`), windowType: 'personal' }),
          );
        }
      }),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(TICKETS).fill(201));
    for (const a of answers) {
      expect(issued.has(a.body.ticket.number), `${a.body.ticket.number} issued twice`).toBe(false);
      issued.set(a.body.ticket.number, a.body);
    }
    const expected = Array.from({ length: TICKETS }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);
    expect([...issued.keys()].sort()).toEqual(expected);
    expect(new Set(answers.map((a) => a.body.ticket.id)).size).toBe(TICKETS);
    expect(new Set(answers.map((a) => a.body.statusToken)).size).toBe(TICKETS);
    tokens.push(...answers.map((a) => a.body.statusToken));
    const queues = await api(server.url).get('/api/queues');
    const personal = queues.body.queues.find((q: { windowType: string }) => q.windowType === 'personal');
    expect(personal).toMatchObject({ waiting: TICKETS, issuedToday: TICKETS });
  }, 15_000);

  it('never hands one ticket to two windows, and no window holds two', async () => {
    const numbers = Array.from({ length: WINDOWS }, (_, i) => i + 1);
    const clerks = await Promise.all(
      numbers.map(async (n) => {
        const token = await login(server.url, `w${String(n).padStart(3, '0')}`, 'demo', n);
        return { window: n, token, client: api(server.url, token) };
      }),
    );
    /** ticket id → the windows it was handed to, from the HTTP answers. */
    const calledAt = new Map<string, number[]>();
    let rounds = 0;
    for (;;) {
      rounds++;
      const answers = await Promise.all(
        clerks.map((c) =>
          c.client.post<WindowActionResponse>(`/api/windows/${c.window}/call-next`, { requestId: rid('call') }),
        ),
      );
      const inRound = new Set<string>();
      const holding: { clerk: (typeof clerks)[number]; ticket: Ticket }[] = [];
      answers.forEach((a, i) => {
        const clerk = clerks[i]!;
        expect(a.status, JSON.stringify(a.body)).toBe(200);
        const t = a.body.ticket;
        if (t === null) {
          expect(a.body.window.currentTicket).toBeNull();
          return;
        }
        expect(t.state).toBe('called');
        expect(t.window).toBe(clerk.window);
        expect(a.body.window.currentTicket).toBe(t.id);
        expect(inRound.has(t.id), `${t.number} handed to two windows in one round`).toBe(false);
        inRound.add(t.id);
        calledAt.set(t.id, [...(calledAt.get(t.id) ?? []), clerk.window]);
        holding.push({ clerk, ticket: t });
      });
      if (holding.length === 0) break;

      // The windows as the server sees them: each holds exactly the ticket it was answered, none holds two.
      const windows = await api(server.url, KIOSK_KEY).get<{ windows: WindowState[] }>('/api/windows');
      const current = windows.body.windows.filter((w) => w.currentTicket !== null);
      expect(current.length).toBe(holding.length);
      expect(new Set(current.map((w) => w.currentTicket)).size).toBe(current.length);
      for (const h of holding) {
        expect(windows.body.windows.find((w) => w.number === h.clerk.window)?.currentTicket).toBe(h.ticket.id);
      }
      // A second call-next while a ticket is in play is refused: a window never holds two.
      const busy = await holding[0]!.clerk.client.post(`/api/windows/${holding[0]!.clerk.window}/call-next`, {
        requestId: rid('busy'),
      });
      expect(busy.status).toBe(409);
      expect(busy.body.error.code).toBe('window_busy');

      // Even windows serve and finish, odd windows call twice and give up: all at once.
      await Promise.all(
        holding.map(async ({ clerk }) => {
          const path = `/api/windows/${clerk.window}`;
          const steps: [string, object][] =
            clerk.window % 2 === 0
              ? [
                  ['start', {}],
                  ['finish', { outcome: { kind: 'completed' } }],
                ]
              : [
                  ['recall', {}],
                  ['no-show', {}],
                ];
          for (const [action, body] of steps) {
            const r = await clerk.client.post(`${path}/${action}`, { requestId: rid(action), ...body });
            expect(r.status, `${action} at ${clerk.window}: ${JSON.stringify(r.body)}`).toBe(200);
          }
        }),
      );
    }
    // 200 tickets over 40 windows: five full rounds and the empty one.
    expect(rounds).toBe(TICKETS / WINDOWS + 1);
    expect(calledAt.size).toBe(TICKETS);
    for (const [id, at] of calledAt) expect(at, `ticket ${id}`).toHaveLength(1);
    expect(new Set(calledAt.keys())).toEqual(new Set([...issued.values()].map((t) => t.ticket.id)));

    const queues = await api(server.url).get('/api/queues');
    expect(queues.body.queues.every((q: { waiting: number }) => q.waiting === 0)).toBe(true);

    // Each status page tells the citizen the one window that called them.
    const statuses = await Promise.all(tokens.map((t) => api(server.url).get(`/api/tickets/status/${t}`)));
    for (const s of statuses) {
      const t = issued.get(s.body.number)!;
      expect(s.body.window).toBe(calledAt.get(t.ticket.id)![0]);
      expect(['finished', 'no_show']).toContain(s.body.state);
    }
  }, 30_000);

  it('the journal and the tickets table agree: every ticket called exactly once, one in play per window', () => {
    const db = new Database(join(server.dataDir, 'hallq.sqlite'), { readonly: true });
    try {
      const calls = db
        .prepare("SELECT id, ticket_id AS ticketId, window FROM journal WHERE type = 'ticket.called' ORDER BY id")
        .all() as { id: number; ticketId: string; window: number }[];
      expect(calls).toHaveLength(TICKETS);
      expect(new Set(calls.map((c) => c.ticketId)).size).toBe(TICKETS);

      // Replaying each window's journal: a call only ever happens when the previous ticket there has left.
      const entries = db
        .prepare(
          "SELECT type, window, ticket_id AS ticketId FROM journal WHERE type LIKE 'ticket.%' AND window IS NOT NULL ORDER BY id",
        )
        .all() as { type: string; window: number; ticketId: string }[];
      const inPlay = new Map<number, string | null>();
      for (const e of entries) {
        const held = inPlay.get(e.window) ?? null;
        if (e.type === 'ticket.called') {
          expect(held, `window ${e.window} called ${e.ticketId} while holding ${held}`).toBeNull();
          inPlay.set(e.window, e.ticketId);
        } else {
          expect(held).toBe(e.ticketId);
          if (e.type === 'ticket.finished' || e.type === 'ticket.markedNoShow') inPlay.set(e.window, null);
        }
      }
      expect([...inPlay.values()].every((v) => v === null)).toBe(true);

      const rows = db.prepare('SELECT id, number, state, window, data FROM tickets').all() as {
        id: string;
        number: string;
        state: string;
        window: number;
        data: string;
      }[];
      expect(rows).toHaveLength(TICKETS);
      const byCall = new Map(calls.map((c) => [c.ticketId, c.window]));
      for (const r of rows) {
        expect(r.window).toBe(byCall.get(r.id));
        expect(r.state).toBe(r.window % 2 === 0 ? 'finished' : 'no_show');
        expect((JSON.parse(r.data) as Ticket).state).toBe(r.state);
      }
      const counter = db.prepare("SELECT last_sequence FROM ticket_counters WHERE prefix = 'A'").pluck().get();
      expect(counter).toBe(TICKETS);
    } finally {
      db.close();
    }
  });
});
