import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, hallPerTest, login, rid } from './harness';
import { LOCKER_KEY, connectLocker, depositBody, pickupStaff } from './locker-rig';

const { open, keep } = hallPerTest();

async function openLockerHall() {
  const h = await open();
  const staff = await pickupStaff(h.server.url);
  const locker = keep(await connectLocker(h.server.url));
  /** Deposits, has the door opened and closed, and returns the notice as the manager's outbox shows it. */
  const store = async (fields: Record<string, unknown> = {}) => {
    const deposit = await ok('deposit', staff.clerk.post('/api/lockers/locker-1/deposits', depositBody(fields)));
    await locker.report(deposit.commandId, 'opened');
    await locker.report(deposit.commandId, 'closed');
    const { code } = await staff.latestCode();
    const { entries } = await ok('lockerOutbox', staff.manager.get('/api/lockers/outbox'));
    return { deposit, code, notice: entries[0]! };
  };
  /** The applicant takes the item out with the code: the door opens, then closes on an empty compartment. */
  const collect = async (code: string) => {
    const answer = await locker.collect(code);
    if (answer.result !== 'opening') throw new Error(`the code did not open a door: ${JSON.stringify(answer)}`);
    await locker.report(answer.commandId, 'opened');
    await locker.report(answer.commandId, 'closed');
  };
  const sent = (id: string, requestId = rid('sent')) =>
    staff.manager.post(`/api/lockers/outbox/${id}/sent`, { requestId });
  const db = () => new Database(h.server.database.path, { readonly: true });
  return { ...h, ...staff, locker, store, collect, sent, db };
}

describe('a pickup notice marked sent by the manager', () => {
  it('loses its text and QR and keeps its phone number only masked, with the time it was sent, journaled; the same request again gets the same answer', async () => {
    const h = await openLockerHall();
    const { notice, code } = await h.store();
    expect(notice).toMatchObject({ phone: '13800138000', text: expect.stringContaining(code), sentAt: null });
    h.clock.advanceMinutes(3);

    const requestId = rid('sent');
    const { entry } = await ok('lockerNoticeSent', h.sent(notice.id, requestId));
    expect(entry).toEqual({
      ...notice,
      phone: '138****8000',
      text: null,
      qr: null,
      erasedAt: '2025-06-11T02:03:00.000Z',
      sentAt: '2025-06-11T02:03:00.000Z',
    });
    expect(await ok('lockerNoticeSent', h.sent(notice.id, requestId))).toEqual({ entry });
    expect((await ok('lockerOutbox', h.manager.get('/api/lockers/outbox'))).entries).toEqual([entry]);

    const db = h.db();
    // The item's phone number was kept only to send this notice.
    expect(db.prepare('SELECT phone FROM locker_items').pluck().get()).toBe('138****8000');
    expect(
      db
        .prepare("SELECT actor, data FROM journal WHERE type = 'locker.noticeSent'")
        .all()
        .map((r) => ({ ...(r as { actor: string }), data: JSON.parse((r as { data: string }).data) as unknown })),
    ).toEqual([
      {
        actor: 'staff:admin',
        data: { locker: 'locker-1', compartment: notice.compartment, noticeId: notice.id, itemId: notice.itemId },
      },
    ]);
    db.close();

    // The code was relayed, not revoked: it still opens the door, and the item's collection leaves the notice as sent.
    h.clock.advanceMinutes(10);
    await h.collect(code);
    expect((await ok('lockerOutbox', h.manager.get('/api/lockers/outbox'))).entries).toEqual([entry]);
  });

  it('is refused 409 once the notice is erased, sent or collected, and 404 naming the id for an unknown notice', async () => {
    const h = await openLockerHall();
    const first = await h.store();
    await ok('lockerNoticeSent', h.sent(first.notice.id));
    const again = await refused(h.sent(first.notice.id), 409, 'invalid_state');
    expect(again.message).toMatch(/was sent at 2025-06-11T02:00:00.000Z/);

    const second = await h.store({ phone: '13900139000' });
    await h.collect(second.code);
    const collected = await refused(h.sent(second.notice.id), 409, 'invalid_state');
    expect(collected.message).toMatch(/erased when its item left the locker/);
    const { entries } = await ok('lockerOutbox', h.manager.get('/api/lockers/outbox'));
    expect(entries.find((e) => e.id === second.notice.id)).toMatchObject({ sentAt: null, phone: '139****9000' });

    const unknown = await refused(h.sent('no-such-notice'), 404, 'not_found');
    expect(unknown.fields?.map((f) => f.path)).toEqual(['id']);
  });

  it('is for the manager only: a clerk token and a device key are refused 403, no token 401, and the notice stays', async () => {
    const h = await openLockerHall();
    const { notice } = await h.store();
    const path = `/api/lockers/outbox/${notice.id}/sent`;
    // The pickup-window clerk deposits and retrieves, but the outbox (codes, phone numbers) is the manager's.
    await refused(h.clerk.post(path, { requestId: rid() }), 403, 'forbidden');
    const otherClerk = api(h.server.url, await login(h.server.url, 'c01', 'demo', 1));
    await refused(otherClerk.post(path, { requestId: rid() }), 403, 'forbidden');
    await refused(api(h.server.url, LOCKER_KEY).post(path, { requestId: rid() }), 403, 'forbidden');
    await refused(h.kiosk.post(path, { requestId: rid() }), 403, 'forbidden');
    await refused(api(h.server.url).post(path, { requestId: rid() }), 401, 'unauthorized');
    const { entries } = await ok('lockerOutbox', h.manager.get('/api/lockers/outbox'));
    expect(entries[0]).toEqual(notice);

    expect((await ok('lockerNoticeSent', h.sent(notice.id))).entry.sentAt).not.toBeNull();
  });
});

describe('an erased notice on disk', () => {
  it('after marking sent, and after collection, leaves its code and full phone number in neither the database file nor its WAL', async () => {
    const h = await openLockerHall();
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

    const sent = await h.store({ phone: '13800138000' });
    // Before: the notice is on disk (the test would prove nothing if it never were).
    expect(files.some((f) => holds(f, sent.code))).toBe(true);
    expect(files.some((f) => holds(f, '13800138000'))).toBe(true);
    await ok('lockerNoticeSent', h.sent(sent.notice.id));
    await goneFromDisk([sent.code, '13800138000']);

    const collected = await h.store({ phone: '13900139000' });
    expect(files.some((f) => holds(f, collected.code))).toBe(true);
    await h.collect(collected.code);
    await goneFromDisk([collected.code, '13900139000']);
  }, 15_000);
});
