import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/auth/password';
import type { LogLevel } from '../src/log/logger';
import { KIOSK_KEY, demoHall, logLines, logText, startTestServer } from './harness';

const PASSWORD = 'Plum-Lantern-4417';
const PHONE = '13912345678';
const QUERY_SECRET = 'query-secret-8841';

/** The demo hall with clerk c20 (window 20, the locker counter) on a password no other text can hold. */
function hallWithPassword() {
  const hall = demoHall();
  const passwordHash = hashPassword(PASSWORD, Buffer.alloc(16, 3));
  return { ...hall, staff: hall.staff.map((s) => (s.id === 'c20' ? { ...s, passwordHash } : s)) };
}

interface Sent {
  requestId: string | null;
  status: number;
  body: any;
}

async function send(url: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Sent> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
  return { requestId: res.headers.get('x-request-id'), status: res.status, body: json };
}

/** A real server's visit: a login, a ticket's status by its token, a deposit with a phone number, a query. */
async function visit(logLevel?: LogLevel) {
  const server = await startTestServer({ hall: hallWithPassword(), ...(logLevel && { logLevel }) });
  const login = await send(`${server.url}/api/auth/login`, {
    method: 'POST',
    body: { staffId: 'c20', password: PASSWORD, window: 20 },
  });
  expect(login.status).toBe(200);
  const staffToken = login.body.token as string;
  const issued = await send(`${server.url}/api/tickets`, {
    method: 'POST',
    token: KIOSK_KEY,
    body: { windowType: 'personal', requestId: randomUUID() },
  });
  expect(issued.status).toBe(201);
  const statusToken = issued.body.statusToken as string;
  const status = await send(`${server.url}/api/tickets/status/${statusToken}`);
  expect(status.status).toBe(200);
  const phonePage = await send(`${server.url}/t/${statusToken}`);
  const deposit = await send(`${server.url}/api/lockers/locker-1/deposits`, {
    method: 'POST',
    token: staffToken,
    body: {
      requestId: randomUUID(),
      caseNumber: 'LS2025-000123',
      description: '营业执照',
      applicantName: '张*',
      phone: PHONE,
      size: 'M',
    },
  });
  expect(deposit.status).toBe(201);
  const health = await send(`${server.url}/api/health?probe=${QUERY_SECRET}`);
  const sent = { login, issued, status, phonePage, deposit, health };
  await server.close();
  return {
    text: logText(server.dataDir),
    lines: logLines(server.dataDir),
    sent,
    secrets: [PASSWORD, PHONE, QUERY_SECRET, staffToken, statusToken],
  };
}

describe('the server log', () => {
  it('writes one JSON line per request under the id its answer carries, by route pattern', async () => {
    const { lines, sent } = await visit();
    const requests = lines.filter((l) => l.msg === 'request');
    const byId = new Map(requests.map((l) => [l.reqId, l]));
    for (const name of ['login', 'issued', 'status', 'phonePage', 'deposit'] as const) {
      expect(sent[name].requestId, name).toMatch(/^[\w-]{8}$/);
      expect(byId.get(sent[name].requestId), name).toBeDefined();
    }
    expect(new Set(requests.map((l) => l.reqId)).size).toBe(requests.length);
    expect(byId.get(sent.login.requestId)).toMatchObject({ method: 'POST', route: '/api/auth/login', status: 200 });
    expect(byId.get(sent.status.requestId)).toMatchObject({ route: '/api/tickets/status/:token', status: 200 });
    expect(byId.get(sent.phonePage.requestId)).toMatchObject({ route: '/t/:token' });
    expect(typeof byId.get(sent.deposit.requestId)!.ms).toBe('number');
  });

  it('holds no password, token, phone number or query string', async () => {
    const { text, secrets } = await visit('trace');
    expect(text).toContain('"route":"/api/health"');
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain('?probe');
    expect(text).not.toContain(KIOSK_KEY);
  });

  it('leaves out the lines below its level', async () => {
    const atInfo = await visit();
    expect(atInfo.text).toContain('"route":"/api/auth/login"');
    // A monitor's health checks are debug lines.
    expect(atInfo.text).not.toContain('"route":"/api/health"');
    const atDebug = await visit('debug');
    expect(atDebug.text).toContain('"route":"/api/health"');
    const atWarn = await visit('warn');
    expect(atWarn.text).not.toContain('"msg":"request"');
  });
});
