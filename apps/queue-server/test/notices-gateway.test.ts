import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { hallPerTest, logText } from './harness';
import { noticeHall, noticeRig } from './notice-rig';

const TOKEN = 'gateway-token-7f3a';

interface Received {
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A gateway on a real local socket answering each POST with the next status of `answers` (then 200). */
async function gateway(answers: number[]) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body: JSON.parse(raw) as unknown });
      res.writeHead(answers.shift() ?? 200, { 'content-type': 'application/json' });
      res.end('{"ok":false}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`, received };
}
const servers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of servers.splice(0)) await close();
});
const { open, keep } = hallPerTest();

const gatewayHall = (url: string) =>
  noticeHall({
    sender: 'gateway',
    gateway: {
      url,
      token: TOKEN,
      body: { mobile: '{{phone}}', content: '{{text}}', ref: 'hallq-{{id}}' },
      timeoutSeconds: 5,
    },
    retrySeconds: 30,
    maxRetrySeconds: 1800,
    maxAttempts: 6,
    overdueReminder: true,
    followUpReminders: false,
  });

describe('notices through an HTTP gateway (a real local server)', () => {
  it('a gateway that fails is tried again with the same idempotency key until it accepts; nothing personal in the URL or the log', async () => {
    const gw = await gateway([502, 429]);
    const h = await noticeRig(await open({ hall: gatewayHall(gw.url) }), keep);
    const { notice } = await h.store();
    await h.until(() => gw.received.length === 1);
    await h.wake();
    expect(await h.notice(notice.id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 502: {"ok":false}',
    });
    h.clock.advanceMs(30_000);
    await h.wake();
    expect(await h.notice(notice.id)).toMatchObject({
      status: 'pending',
      attempts: 2,
      lastError: 'HTTP 429: {"ok":false}',
    });
    h.clock.advanceMs(60_000);
    await h.wake();
    expect(await h.notice(notice.id)).toMatchObject({
      status: 'sent',
      attempts: 3,
      lastError: null,
      sender: 'gateway',
    });

    expect(gw.received).toHaveLength(3);
    const text = (await h.notice(notice.id)).text!;
    for (const r of gw.received) {
      expect(r.url).toBe('/sms/send');
      expect(r.headers['idempotency-key']).toBe(notice.id);
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(r.body).toEqual({ mobile: '13800138000', content: text, ref: `hallq-${notice.id}` });
    }
    const log = logText(h.server.dataDir);
    for (const secret of ['13800138000', text, TOKEN]) expect(log).not.toContain(secret);
  });

  it('a 4xx refusal (not 408 or 429) fails the notice at once: no retry mends it', async () => {
    const gw = await gateway([400]);
    const h = await noticeRig(await open({ hall: gatewayHall(gw.url) }), keep);
    const { notice } = await h.store();
    expect(await h.reaches(notice.id, 'failed')).toMatchObject({ attempts: 1, lastError: 'HTTP 400: {"ok":false}' });
    h.clock.advanceMinutes(60);
    await h.wake();
    expect(gw.received).toHaveLength(1);
  });
});
