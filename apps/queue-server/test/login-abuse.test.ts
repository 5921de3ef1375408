import { afterAll, describe, expect, it } from 'vitest';
import { LoginLockoutsResponse } from '@hallq/shared/contracts';
import {
  KIOSK_KEY,
  api,
  hallPerTest,
  logLines,
  logText,
  login,
  rid,
  sendFrom,
  tooMany,
  until,
  type Answer,
  type ManualClock,
} from './harness';
import { killServer, spawnServer, tempHall, type ServerProcess } from './server-process';

/** pino's number for warn. */
const WARN = 40;

/** One login over its own connection, from `from` (a loopback address: 127.0.0.2 is another client to the server). */
function attempt(baseUrl: string, staffId: string, password: string, from = '127.0.0.1'): Promise<Answer> {
  return sendFrom(baseUrl, { method: 'POST', path: '/api/auth/login', body: { staffId, password }, from });
}

function wrong(answer: Answer): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(401);
  expect(answer.body.error.code).toBe('unauthorized');
}

/**
 * Ten wrong passwords for each of `staffIds`, taken in turn, each after the wait the server asks for: the tenth locks
 * the id. Ids locked together have the same history, to the millisecond.
 */
async function lockOut(url: string, clock: ManualClock, staffIds: string[], password = 'guess') {
  for (let i = 0; i < 10; i++) {
    for (const staffId of staffIds) {
      let answer = await attempt(url, staffId, `${password}-${i}`);
      if (answer.status === 429) {
        clock.advanceMs(tooMany(answer) * 1000);
        answer = await attempt(url, staffId, `${password}-${i}`);
      }
      wrong(answer);
    }
  }
}

/** Each scrypt takes tens of milliseconds, hundreds on a busy machine, and these tests run dozens. */
const SLOW = { timeout: 60_000 };

describe('login abuse', SLOW, () => {
  const h = hallPerTest();

  it('locks an account after repeated wrong passwords, even against the right one, and says when to try again (429 Retry-After)', async () => {
    const { server, clock } = await h.open();
    // A clerk who mistypes a few times is answered at once, as before.
    for (let i = 0; i < 5; i++) wrong(await attempt(server.url, 'c01', `typo-${i}`));
    // Then each attempt waits, twice as long each time; refused before any password check.
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const wait = tooMany(await attempt(server.url, 'c01', 'demo'), /staff id/);
      waits.push(wait);
      clock.advanceMs(wait * 1000);
      wrong(await attempt(server.url, 'c01', `guess-${i}`));
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    // Ten wrong passwords: locked for 15 minutes, the right password included.
    expect(tooMany(await attempt(server.url, 'c01', 'demo'), /locked/)).toBe(15 * 60);
    clock.advanceMinutes(14);
    expect(tooMany(await attempt(server.url, 'c01', 'demo'), /locked/)).toBe(60);
    clock.advanceMinutes(1);
    expect((await attempt(server.url, 'c01', 'demo')).status).toBe(200);
  });

  it('a success resets the count', async () => {
    const { server } = await h.open();
    for (let i = 0; i < 4; i++) wrong(await attempt(server.url, 'c02', `typo-${i}`));
    expect((await attempt(server.url, 'c02', 'demo')).status).toBe(200);
    // Counting starts again from zero: five more mistakes are answered at once, the sixth attempt waits.
    for (let i = 0; i < 5; i++) wrong(await attempt(server.url, 'c02', `typo-again-${i}`));
    expect(tooMany(await attempt(server.url, 'c02', 'demo'))).toBe(1);
  });

  it('throttles an unknown staff id as it does a known one, so the answers do not tell which ids exist', async () => {
    const { server, clock } = await h.open();
    await lockOut(server.url, clock, ['c03', 'nobody']);
    const known = await attempt(server.url, 'c03', 'x');
    const unknown = await attempt(server.url, 'nobody', 'x');
    expect(tooMany(unknown)).toBe(tooMany(known));
    expect(unknown.body.error.message).toBe(known.body.error.message);
  });

  it('throttles one address guessing many accounts; a clerk at another address still logs in', async () => {
    const { server, clock } = await h.open();
    // One wrong password for each of twenty accounts: no account is throttled, the address is.
    for (let n = 1; n <= 20; n++) wrong(await attempt(server.url, `c${String(n).padStart(2, '0')}`, '123456'));
    const wait = tooMany(await attempt(server.url, 'admin', 'admin'), /address/);
    expect(wait).toBe(1);
    expect((await attempt(server.url, 'admin', 'admin', '127.0.0.2')).status).toBe(200);
    // After the wait the right password is taken; it does not clear the address's count (the next wrong one waits 2 s).
    clock.advanceMs(wait * 1000);
    expect((await attempt(server.url, 'admin', 'admin')).status).toBe(200);
    wrong(await attempt(server.url, 'c01', 'qwerty'));
    expect(tooMany(await attempt(server.url, 'c01', 'demo'), /address/)).toBe(2);
  });

  it('logs a lockout with the staff id, never the password', async () => {
    const { server, clock } = await h.open();
    await lockOut(server.url, clock, ['c04'], 'Secret-Guess');
    const lines = logLines(server.dataDir)
      .filter((line) => line.level === WARN)
      .map((line) => String(line.msg));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/c04.*locked out until 2025-06-11T02:15:\d\d\.\d{3}Z after 10 wrong passwords/);
    expect(lines[0]).not.toMatch(/127\.0\.0\.1/);
    expect(logText(server.dataDir)).not.toMatch(/Secret/);
  });

  it('the manager sees current lockouts; a clerk may not (403)', async () => {
    const { server, clock } = await h.open();
    await lockOut(server.url, clock, ['c05']);
    const lockedAt = clock.now().getTime();
    const manager = api(server.url, await login(server.url, 'admin', 'admin'));
    const seen = await manager.get('/api/auth/lockouts');
    expect(seen.status).toBe(200);
    expect(LoginLockoutsResponse.parse(seen.body).lockouts).toEqual([
      { kind: 'staff', key: 'c05', until: new Date(lockedAt + 15 * 60_000).toISOString(), failures: 10 },
    ]);

    const clerk = api(server.url, await login(server.url, 'c06', 'demo', 6));
    expect((await clerk.get('/api/auth/lockouts')).status).toBe(403);
    expect((await api(server.url, KIOSK_KEY).get('/api/auth/lockouts')).status).toBe(403);
    expect((await api(server.url).get('/api/auth/lockouts')).status).toBe(401);

    clock.advanceMinutes(15);
    expect((await manager.get('/api/auth/lockouts')).body).toEqual({ lockouts: [] });
  });

  it('refuses logins beyond the hashing queue at once (429) rather than piling them up', async () => {
    const { server } = await h.open();
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => attempt(server.url, `flood-${i}`, 'x', '127.0.0.3')),
    );
    const busy = answers.filter((a) => a.status === 429 && /being checked/.test(a.body.error.message));
    expect(busy.length).toBeGreaterThan(0);
    for (const a of busy) expect(tooMany(a)).toBe(1);
    expect(answers.every((a) => a.status === 401 || a.status === 429)).toBe(true);
    // The hall's own clerks still log in once the flood is answered.
    expect((await attempt(server.url, 'c07', 'demo')).status).toBe(200);
  });
});

describe('a login flood', SLOW, () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await killServer(server);
  });

  it('does not hold up ticket issue or health', async () => {
    server = await spawnServer(tempHall());
    const url = server.url;
    const FLOOD = 40;
    let settled = 0;
    const logins = Array.from({ length: FLOOD }, (_, i) =>
      attempt(url, `bogus-${i}`, 'wrong', '127.0.0.4').finally(() => settled++),
    );
    // Once the server has answered a quarter of the logins it has every one of them and is busy checking the rest...
    await until(() => settled >= FLOOD / 4, 60_000);
    // ...and still answers health and issues a ticket at once, without waiting for the logins ahead of them: the
    // hashing is off the event loop. (Hashing on it, each waited for about half the logins still pending.)
    const before = settled;
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const ticket = await api(url, KIOSK_KEY).post('/api/tickets', { windowType: 'personal', requestId: rid('flood') });
    expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
    const pending = FLOOD - settled;
    expect(pending, 'the logins were still being checked').toBeGreaterThan(0);
    expect(settled - before, 'logins finished while health and the ticket were answered').toBeLessThan(FLOOD / 5);
    for (const answer of await Promise.all(logins)) wrong(answer);
  });
});
