import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { DeviceSnapshot } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { KIOSK_KEY, api, connect, login, rid } from './harness';
import { padKey } from './rating-rig';
import { killServer, spawnServer, tempHall, type ServerProcess } from './server-process';

describe('kill -9 right after a rating is acknowledged', () => {
  const started: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of started) await killServer(s);
  });

  it('keeps the answered rating and its follow-up, and the open request of another window', async () => {
    const { configPath, dataDir } = tempHall();
    const first = await spawnServer({ configPath, dataDir });
    started.push(first);
    const kiosk = api(first.url, KIOSK_KEY);
    const serve = async (window: number, staffId: string) => {
      const clerk = api(first.url, await login(first.url, staffId, 'demo', window));
      await ok('issueTicket', kiosk.post('/api/tickets', { requestId: rid(), windowType: 'personal' }));
      await ok('callNext', clerk.post(`/api/windows/${window}/call-next`, { requestId: rid() }));
      await ok('start', clerk.post(`/api/windows/${window}/start`, { requestId: rid() }));
      await ok(
        'finish',
        clerk.post(`/api/windows/${window}/finish`, { requestId: rid(), outcome: { kind: 'completed' } }),
      );
    };
    await serve(3, 'c03');
    await serve(4, 'c04');
    const pad = await connect(first.url, { room: 'window', window: 3, token: padKey(3) });
    pad.socket.disconnect();
    const [atThree, atFour] = DeviceSnapshot.parse(pad.snapshot).ratingRequests;
    expect([atThree?.window, atFour?.window]).toEqual([3, 4]);

    const { rating } = await ok(
      'submitRating',
      api(first.url, padKey(3)).post(`/api/ratings/${atThree!.id}`, {
        requestId: rid(),
        level: 'very_dissatisfied',
        reason: { code: 'many_trips' },
      }),
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    const db = new Database(join(dataDir, 'hallq.sqlite'), { readonly: true });
    expect(db.prepare('SELECT result, reason_code FROM ratings WHERE id = ?').raw().get(rating.id)).toEqual([
      'very_dissatisfied',
      'many_trips',
    ]);
    expect(db.prepare('SELECT status FROM follow_ups WHERE rating_id = ?').pluck().get(rating.id)).toBe('open');
    db.close();

    const again = await spawnServer({ configPath, dataDir });
    started.push(again);
    const pad4 = await connect(again.url, { room: 'window', window: 4, token: padKey(4) });
    pad4.socket.disconnect();
    expect(DeviceSnapshot.parse(pad4.snapshot).ratingRequests).toEqual([atFour]);
    const admin = api(again.url, await login(again.url, 'admin', 'admin'));
    const { followUps } = await ok('followUps', admin.get('/api/follow-ups'));
    expect(followUps.map((f) => f.rating)).toEqual([rating]);
  }, 30_000);
});
