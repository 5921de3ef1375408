import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, hallPerTest, login, rid } from './harness';
import { LOCKER_KEY } from './locker-rig';
import { codeIn, noticeRig } from './notice-rig';

const { open, keep } = hallPerTest();

/** The demo hall names no sender: every notice waits for the window, as the outbox did before. */
const openHall = async () => noticeRig(await open(), keep);

describe('a notice at the window (no modem, no gateway)', () => {
  it('waits at the window at once, and once relayed loses its text and keeps its phone only masked, journaled; the same request again gets the same answer', async () => {
    const h = await openHall();
    const { notice } = await h.store();
    expect(notice).toMatchObject({
      kind: 'pickup_ready',
      subject: '一楼自助取件柜 A03 号格口',
      status: 'at_window',
      sender: 'window',
      phone: '13800138000',
      attempts: 0,
      erasedAt: null,
    });
    const code = codeIn(notice.text);
    expect((await h.list()).sender).toEqual({ kind: 'window', ready: true, detail: '由窗口人员电话转达' });
    h.clock.advanceMinutes(3);

    const requestId = rid('relayed');
    const relayed = await ok('noticeRelayed', h.action(notice.id, 'relayed', requestId));
    const after = {
      ...notice,
      status: 'relayed',
      phone: '138****8000',
      text: null,
      erasedAt: '2025-06-11T02:03:00.000Z',
    };
    expect(relayed.notice).toEqual(after);
    expect(await ok('noticeRelayed', h.action(notice.id, 'relayed', requestId))).toEqual(relayed);
    expect(await h.notice(notice.id)).toEqual(after);

    const db = h.db();
    // The item's phone number was kept only to send this notice.
    expect(db.prepare('SELECT phone FROM locker_items').pluck().get()).toBe('138****8000');
    expect(db.prepare("SELECT actor, data FROM journal WHERE type LIKE 'notice.%'").all()).toEqual([
      { actor: 'staff:admin', data: JSON.stringify({ noticeId: notice.id, kind: 'pickup_ready' }) },
    ]);
    // Neither the code nor the phone number stays in the stored answers.
    const answers = JSON.stringify(db.prepare('SELECT * FROM requests').all());
    expect(answers).not.toContain(code);
    expect(answers).not.toContain('13800138000');
    db.close();

    // The code was relayed, not revoked: it still opens the door, and the collection leaves the notice relayed.
    h.clock.advanceMinutes(10);
    await h.collect(code);
    expect(await h.notice(notice.id)).toEqual(after);
  });

  it('refuses 409 once the notice is relayed or withdrawn (its item collected), and 404 naming the id for an unknown one', async () => {
    const h = await openHall();
    const first = await h.store();
    await ok('noticeRelayed', h.action(first.notice.id, 'relayed'));
    const again = await refused(h.action(first.notice.id, 'relayed'), 409, 'invalid_state');
    expect(again.message).toMatch(/is relayed and erased: its text is gone/);
    await refused(h.action(first.notice.id, 'resend'), 409, 'invalid_state');

    const second = await h.store({ phone: '13900139000' });
    await h.collect(codeIn(second.notice.text));
    expect(await h.notice(second.notice.id)).toMatchObject({ status: 'withdrawn', phone: '139****9000', text: null });
    const collected = await refused(h.action(second.notice.id, 'hand-to-window'), 409, 'invalid_state');
    expect(collected.message).toMatch(/is withdrawn and erased/);

    // At the window already: a resend is for a failed or undelivered notice only.
    const third = await h.store({ phone: '13700137000' });
    const resend = await refused(h.action(third.notice.id, 'resend'), 409, 'invalid_state');
    expect(resend.message).toMatch(/is at_window: only a failed notice/);

    const unknown = await refused(h.action('no-such-notice', 'relayed'), 404, 'not_found');
    expect(unknown.fields?.map((f) => f.path)).toEqual(['id']);
    const bad = await refused(h.action('no such notice', 'relayed'), 400, 'validation_failed');
    expect(bad.fields?.map((f) => f.path)).toEqual(['id']);
    expect((await h.list()).counts).toEqual({
      pending: 0,
      sent: 0,
      delivered: 0,
      failed: 0,
      at_window: 1,
      relayed: 1,
      withdrawn: 1,
    });
  });
});

describe('the notice routes are the manager’s (scope)', () => {
  it('a clerk (the pickup window’s too), a chief representative and every device key are refused 403, no token 401; the manager may', async () => {
    const h = await openHall();
    const { notice } = await h.store();
    const chief = api(h.server.url, await login(h.server.url, 'z01', 'demo'));
    const otherClerk = api(h.server.url, await login(h.server.url, 'c01', 'demo', 1));
    const outsiders = [h.clerk, otherClerk, chief, api(h.server.url, LOCKER_KEY), h.kiosk];
    const posts = ['resend', 'hand-to-window', 'relayed'].map((a) => `/api/notices/${notice.id}/${a}`);
    for (const who of outsiders) {
      await refused(who.get('/api/notices'), 403, 'forbidden');
      for (const path of posts) await refused(who.post(path, { requestId: rid() }), 403, 'forbidden');
    }
    await refused(api(h.server.url).get('/api/notices'), 401, 'unauthorized');
    for (const path of posts) await refused(api(h.server.url).post(path, { requestId: rid() }), 401, 'unauthorized');
    // Nothing changed; the manager's hand works.
    expect(await h.notice(notice.id)).toEqual(notice);
    expect((await ok('noticeRelayed', h.action(notice.id, 'relayed'))).notice.status).toBe('relayed');
  });
});

describe('an erased notice on disk', () => {
  it('once relayed, and once its item is collected, leaves its code and full phone number in neither the database file nor its WAL', async () => {
    const h = await openHall();
    const path = h.server.database.path;
    const files = [path, `${path}-wal`];
    const holds = (file: string, secret: string) => readFileSync(file).includes(Buffer.from(secret));
    /** Until the checkpointer has emptied the WAL of the erased pages: asked at once, not left to its 2 s timer. */
    const goneFromDisk = async (secrets: string[]) => {
      const left = () => files.flatMap((f) => secrets.filter((s) => holds(f, s)).map((s) => `${s} in ${f}`));
      const deadline = Date.now() + 3000;
      while (left().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(left()).toEqual([]);
    };

    const relayed = await h.store({ phone: '13800138000' });
    const code = codeIn(relayed.notice.text);
    // Before: the notice is on disk (the test would prove nothing if it never were).
    expect(files.some((f) => holds(f, code))).toBe(true);
    expect(files.some((f) => holds(f, '13800138000'))).toBe(true);
    await ok('noticeRelayed', h.action(relayed.notice.id, 'relayed'));
    await goneFromDisk([code, '13800138000']);

    const collected = await h.store({ phone: '13900139000' });
    const second = codeIn(collected.notice.text);
    expect(files.some((f) => holds(f, second))).toBe(true);
    await h.collect(second);
    await goneFromDisk([second, '13900139000']);
  }, 15_000);
});
