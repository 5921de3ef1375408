import { describe, expect, it } from 'vitest';
import { LoginLockoutsResponse } from '@hallq/shared/contracts';
import { DISPLAY_KEY, KIOSK_KEY, connect, hallPerTest, login, sendFrom, tooMany } from './harness';

const halls = hallPerTest();

const GUESSER = '127.0.0.5';

describe('guessing device keys', () => {
  it('slows a client after 10 unknown keys and locks it out at 50; while held, its right key is refused too', async () => {
    const { server, clock } = await halls.open();
    const windows = (token: string, from = GUESSER) =>
      sendFrom(server.url, { method: 'GET', path: '/api/windows', token, from });
    for (let i = 0; i < 10; i++) expect((await windows(`guess-${i}`)).status).toBe(401);
    // The eleventh waits; a right key from the same address waits as well, so a guess's answer tells nothing.
    expect(tooMany(await windows('guess-10'), /unknown keys/)).toBe(1);
    expect(tooMany(await windows(KIOSK_KEY))).toBe(1);
    // Another client is not held.
    expect((await windows(KIOSK_KEY, '127.0.0.6')).status).toBe(200);

    for (let i = 10; i < 50; i++) {
      clock.advanceMs(30_000);
      expect((await windows(`guess-${i}`)).status).toBe(401);
    }
    expect(tooMany(await windows(KIOSK_KEY), /locked out/)).toBe(15 * 60);

    const manager = await login(server.url, 'admin', 'admin');
    const seen = await sendFrom(server.url, {
      method: 'GET',
      path: '/api/auth/lockouts',
      token: manager,
      from: '127.0.0.6',
    });
    expect(LoginLockoutsResponse.parse(seen.body).lockouts).toEqual([
      expect.objectContaining({ kind: 'key_address', key: expect.stringContaining(GUESSER), failures: 50 }),
    ]);

    clock.advanceMs(15 * 60_000);
    expect((await windows(KIOSK_KEY)).status).toBe(200);
  });

  it('does not count a staff token that has expired: a page left open overnight is not a guesser', async () => {
    const { server, clock } = await halls.open();
    const token = await login(server.url, 'c01', 'demo');
    clock.advanceMs(13 * 3600_000);
    const from = GUESSER;
    for (let i = 0; i < 30; i++)
      expect((await sendFrom(server.url, { method: 'GET', path: '/api/windows', token, from })).status).toBe(401);
    expect((await sendFrom(server.url, { method: 'GET', path: '/api/windows', token: DISPLAY_KEY, from })).status).toBe(
      200,
    );
  });

  it('holds a socket that presents unknown keys like a request', async () => {
    const { server } = await halls.open();
    for (let i = 0; i < 10; i++)
      await sendFrom(server.url, { method: 'GET', path: '/api/windows', token: `guess-${i}`, from: '127.0.0.1' });
    await expect(connect(server.url, { room: 'hall', token: DISPLAY_KEY })).rejects.toThrow(/^too_many_requests: /);
  });
});
