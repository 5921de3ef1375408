import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { HallConfig, RatingUploads } from '@hallq/shared/contracts';
import { DeviceSnapshot } from '@hallq/shared/contracts';
import { ok, refused } from './expect-reply';
import { DISPLAY_KEY, KIOSK_KEY, api, connect, demoHall, login, rid } from './harness';
import { startRatingEndpoint, type RatingEndpoint } from './rating-endpoint-sim';
import { nthRequest, padKey, ratingRigs } from './rating-rig';
import { killServer, spawnServer, tempHall, type ServerProcess } from './server-process';

const rigs = ratingRigs();
const TOKEN = 'hcp-token-7f3a9c';
const DAY = '2025-06-11';

const endpoints: RatingEndpoint[] = [];
afterEach(async () => {
  await Promise.all(endpoints.splice(0).map((e) => e.close()));
});
async function endpoint() {
  const e = await startRatingEndpoint({ token: TOKEN });
  endpoints.push(e);
  return e;
}

/** The demo hall reporting to `url`: short waits, so a test sees failures, a timeout and the recovery in a second. */
function reportingHall(url: string, config: Partial<NonNullable<HallConfig['ratingUpload']>> = {}): HallConfig {
  const ratingUpload = { endpoint: url, token: TOKEN, batch: 2, timeoutSeconds: 1, retrySeconds: 0.02 };
  return { ...demoHall(), ratingUpload: { maxRetrySeconds: 0.1, ...ratingUpload, ...config } };
}

/** Polls the uploads route until `done` holds of it (a real sender on real timers gets there in its own time). */
async function uploadsWhen(manager: ReturnType<typeof api>, done: (u: RatingUploads) => boolean, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const uploads = await ok('ratingUploads', manager.get('/api/ratings/uploads'));
    if (done(uploads)) return uploads;
    if (Date.now() > end) throw new Error(`the uploads never got there: ${JSON.stringify(uploads)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('好差评 upload to the provincial endpoint', { timeout: 20_000 }, () => {
  it('delivers each rating once, oldest first, through failures, a lost answer and the recovery', async () => {
    const province = await endpoint();
    province.setMode('fail');
    const h = await rigs.open({ hall: reportingHall(province.url) });
    const pad = await h.pad(3);
    const rate = async (n: number, body: Record<string, unknown> | null) => {
      await h.serve(3, 'c03', { serviceItem: 'social-security-card' });
      const request = await nthRequest(pad, n);
      if (body) await ok('submitRating', pad.answer(request.id, body));
      return request.id;
    };
    const first = await rate(1, { level: 'satisfied' });
    await rate(2, null); // the next service supersedes it: not rated, not reported
    const second = await rate(3, { level: 'dissatisfied', reason: { code: 'long_wait' } });
    const third = await rate(4, { level: 'very_satisfied' });
    const manager = api(h.server.url, await login(h.server.url, 'admin', 'admin'));

    // The province is down: the oldest rating is tried again and again, the others wait behind it.
    const down = await uploadsWhen(manager, (u) => (u.failing[0]?.attempts ?? 0) >= 2 && u.nextAttemptAt !== null);
    expect(down).toMatchObject({ configured: true, pending: 3, lastAcceptedAt: null });
    expect(down.failing).toEqual([expect.objectContaining({ ratingId: first, hallDay: DAY })]);
    expect(down.failing[0]!.lastError).toMatch(/^HTTP 500/);

    // It takes the rating but its answer never comes back: the hall gives up waiting and sends it again.
    province.setMode('lose_answer');
    const lost = await uploadsWhen(manager, (u) => /no answer within 1 s/.test(u.failing[0]?.lastError ?? ''));
    expect(lost.failing.map((f) => f.ratingId)).toEqual([first]);

    province.setMode('accept');
    const after = await uploadsWhen(manager, (u) => u.pending === 0);
    expect(after).toMatchObject({ failing: [], nextAttemptAt: null, oldestPendingAt: null });
    expect(after.lastAcceptedAt).not.toBeNull();
    // Once each at the province: only the one whose answer was lost came again, answered 409 and so accepted.
    expect(province.receivedIds()).toEqual([first, second, third]);
    expect(Object.keys(province.duplicates())).toEqual([first]);
    const { records } = await ok('ratingExport', manager.get(`/api/ratings/export?from=${DAY}&to=${DAY}`));
    expect(province.received()).toEqual(records);

    // In order: no rating was sent before the one ahead of it was accepted.
    const order = [first, second, third];
    const sent = province.requests().map((r) => order.indexOf(String(r.headers['idempotency-key'])));
    expect(sent).toEqual([...sent].sort((a, b) => a - b));
    for (const r of province.requests()) {
      // The configured URL as it is: nothing of the rating, the citizen or the token in it.
      expect(r.url).toBe('/hcp/api/ratings');
      expect(r.method).toBe('POST');
      expect(r.headers['idempotency-key']).toBe((JSON.parse(r.body) as { ratingId: string }).ratingId);
      expect(r.headers.authorization).toBe(`Bearer ${TOKEN}`);
    }
    // The clerk goes by staff id; the name the hall file gives them never leaves the hall.
    const name = h.server.services.today.hall.staff.find((s) => s.id === 'c03')!.name;
    expect(province.requests().some((r) => r.url.includes(name) || r.body.includes(name))).toBe(false);
  });

  it('keeps the ratings waiting while no endpoint is configured, and shows the outbox to the manager only', async () => {
    const h = await rigs.open();
    const pad = await h.pad(3);
    await h.serve(3, 'c03');
    await ok('submitRating', pad.answer((await nthRequest(pad, 1)).id, { level: 'basically_satisfied' }));
    const as = async (id: string, password = 'demo') => api(h.server.url, await login(h.server.url, id, password));
    const uploads = await ok('ratingUploads', (await as('admin', 'admin')).get('/api/ratings/uploads'));
    expect(uploads).toEqual({
      configured: false,
      pending: 1,
      oldestPendingAt: '2025-06-11T02:05:00.000Z',
      failing: [],
      nextAttemptAt: null,
      lastAcceptedAt: null,
    });
    await refused((await as('z01')).get('/api/ratings/uploads'), 403, 'forbidden');
    await refused((await as('c03')).get('/api/ratings/uploads'), 403, 'forbidden');
    await refused(api(h.server.url, DISPLAY_KEY).get('/api/ratings/uploads'), 403, 'forbidden');
  });
});

describe('kill -9 while a rating is on its way to the province', () => {
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of started) await killServer(s);
  });

  it('sends it after the restart, once', async () => {
    const province = await endpoint();
    // The request reaches the province and hangs there: the rating is recorded, its sending not finished.
    province.setMode('hang');
    const { configPath, dataDir } = tempHall(reportingHall(province.url, { timeoutSeconds: 60 }));
    const first = await spawnServer({ configPath, dataDir });
    started.push(first);
    const clerk = api(first.url, await login(first.url, 'c03', 'demo', 3));
    await ok(
      'issueTicket',
      api(first.url, KIOSK_KEY).post('/api/tickets', { requestId: rid(), windowType: 'personal' }),
    );
    await ok('callNext', clerk.post('/api/windows/3/call-next', { requestId: rid() }));
    await ok('start', clerk.post('/api/windows/3/start', { requestId: rid() }));
    await ok('finish', clerk.post('/api/windows/3/finish', { requestId: rid(), outcome: { kind: 'completed' } }));
    const pad = await connect(first.url, { room: 'window', window: 3, token: padKey(3) });
    pad.socket.disconnect();
    const [request] = DeviceSnapshot.parse(pad.snapshot).ratingRequests;
    await ok(
      'submitRating',
      api(first.url, padKey(3)).post(`/api/ratings/${request!.id}`, { requestId: rid(), level: 'satisfied' }),
    );
    const end = Date.now() + 5000;
    while (province.requests().length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(province.requests()).toHaveLength(1);
    first.child.kill('SIGKILL');
    await first.exited;

    const db = new Database(join(dataDir, 'hallq.sqlite'), { readonly: true });
    expect(db.prepare('SELECT rating_id, accepted_at FROM rating_uploads').raw().all()).toEqual([[request!.id, null]]);
    db.close();

    province.setMode('accept');
    const again = await spawnServer({ configPath, dataDir });
    started.push(again);
    const manager = api(again.url, await login(again.url, 'admin', 'admin'));
    await uploadsWhen(manager, (u) => u.pending === 0);
    expect(province.receivedIds()).toEqual([request!.id]);
    expect(province.duplicates()).toEqual({});
  }, 30_000);
});
