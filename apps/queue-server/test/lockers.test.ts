import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, demoHall, hallPerTest, login, rid, startTestServer, until } from './harness';
import { connectLocker, connectStaff, depositBody, pickupStaff } from './locker-rig';

const { open, keep } = hallPerTest();

async function openLockerHall() {
  const h = await open();
  const staff = await pickupStaff(h.server.url);
  const locker = keep(await connectLocker(h.server.url));
  const db = () => new Database(join(h.server.dataDir, 'hallq.sqlite'), { readonly: true });
  /** Deposits and has the locker report the door opened and closed: the item is stored and its code is out. */
  const store = async (fields: Record<string, unknown> = {}) => {
    const deposit = await ok('deposit', staff.clerk.post('/api/lockers/locker-1/deposits', depositBody(fields)));
    await locker.report(deposit.commandId, 'opened');
    await locker.report(deposit.commandId, 'closed');
    return { deposit, ...(await staff.latestCode()) };
  };
  const compartment = async (number: string) => {
    const { lockers } = await ok('lockers', staff.clerk.get('/api/lockers'));
    return lockers[0]!.compartments.find((c) => c.number === number)!;
  };
  return { ...h, ...staff, locker, db, store, compartment };
}

describe('自助取件柜: deposit, notice, collect', () => {
  it('a stored item gets a code by notice only, the code opens its door once, and every step is in the audit log', async () => {
    const h = await openLockerHall();
    const watcher = keep(await connectStaff(h.server.url, h.clerkToken));
    const body = depositBody();
    const deposit = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', body));
    expect(deposit.compartment).toMatchObject({ number: 'A03', size: 'M', state: 'opening', overdue: false });
    expect(deposit.compartment.item).toMatchObject({ caseNumber: 'LS2025-000123', applicantName: '张*' });
    // The same request again is the same deposit, not a second compartment.
    expect(await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', body))).toEqual(deposit);
    expect(await h.locker.command(1)).toEqual({
      commandId: deposit.commandId,
      compartment: 'A03',
      boardAddress: 1,
      channel: 3,
      purpose: 'deposit',
    });

    expect(await h.locker.report(deposit.commandId, 'opened')).toEqual({
      applied: true,
      compartment: 'A03',
      state: 'awaiting_close',
    });
    expect((await h.compartment('A03')).state).toBe('awaiting_close');
    await h.locker.report(deposit.commandId, 'closed');
    const stored = await h.compartment('A03');
    expect(stored).toMatchObject({ state: 'occupied', item: { storedAt: '2025-06-11T02:00:00.000Z' } });
    expect(stored).not.toHaveProperty('codeHash');

    const notice = await h.latestCode();
    expect(notice.phone).toBe('13800138000');
    expect(notice.text).toContain('A03');
    const onDisk = h.db();
    expect(onDisk.prepare('SELECT qr FROM notices WHERE id = ?').pluck().get(notice.id)).toBe(
      `hallq-locker:locker-1:${notice.code}`,
    );
    onDisk.close();
    const staffView = JSON.stringify(await h.clerk.get('/api/lockers'));
    expect(staffView).not.toContain(notice.code);
    await until(() =>
      watcher.events.some((e) => e.type === 'locker.compartment' && e.compartment.state === 'occupied'),
    );
    expect(JSON.stringify(watcher.events)).not.toContain(notice.code);

    const collect = await h.locker.collect(notice.code);
    expect(collect).toMatchObject({ result: 'opening', compartment: 'A03' });
    if (collect.result !== 'opening') throw new Error('not opening');
    expect(await h.locker.command(2)).toMatchObject({ commandId: collect.commandId, channel: 3, purpose: 'pickup' });
    await h.locker.report(collect.commandId, 'opened');
    h.clock.advanceMinutes(1);
    await h.locker.report(collect.commandId, 'closed');
    expect(await h.compartment('A03')).toMatchObject({ state: 'free', item: null });
    // Single use: the applicant back with it is told it was used, and it does not count as a guess.
    expect(await h.locker.collect(notice.code)).toEqual({
      result: 'already_collected',
      collectedAt: '2025-06-11T02:01:00.000Z',
    });
    // The notice has served its purpose: withdrawn before the window relayed it, erased, the phone kept masked (PIPL).
    const { notices } = await ok('notices', h.manager.get('/api/notices'));
    expect(notices[0]).toMatchObject({
      kind: 'pickup_ready',
      status: 'withdrawn',
      phone: '138****8000',
      text: null,
      erasedAt: '2025-06-11T02:01:00.000Z',
    });

    const db = h.db();
    expect(db.prepare('SELECT stored_at, collected_at FROM locker_items').get()).toEqual({
      stored_at: '2025-06-11T02:00:00.000Z',
      collected_at: '2025-06-11T02:01:00.000Z',
    });
    const journal = db
      .prepare(
        "SELECT type, actor, json_extract(data, '$.report') AS report FROM journal WHERE type LIKE 'locker.%' ORDER BY id",
      )
      .all();
    expect(journal).toEqual([
      { type: 'locker.deposited', actor: 'staff:c20', report: null },
      { type: 'locker.commandIssued', actor: 'staff:c20', report: null },
      { type: 'locker.doorReported', actor: 'locker:locker-1', report: 'opened' },
      { type: 'locker.doorReported', actor: 'locker:locker-1', report: 'closed' },
      { type: 'locker.stored', actor: 'system', report: null },
      { type: 'locker.codeAccepted', actor: 'locker:locker-1', report: null },
      { type: 'locker.commandIssued', actor: 'locker:locker-1', report: null },
      { type: 'locker.doorReported', actor: 'locker:locker-1', report: 'opened' },
      { type: 'locker.doorReported', actor: 'locker:locker-1', report: 'closed' },
      { type: 'locker.collected', actor: 'locker:locker-1', report: null },
      { type: 'locker.usedCodeEntered', actor: 'locker:locker-1', report: null },
    ]);
    // The code is nowhere but the notice: not in the journal, the stored answers or the compartments.
    expect(db.prepare('SELECT phone FROM locker_items').pluck().get()).toBe('138****8000');
    for (const table of ['journal', 'requests', 'locker_compartments', 'locker_items', 'locker_used_codes'])
      expect(
        db
          .prepare(`SELECT * FROM ${table}`)
          .all()
          .map((r) => JSON.stringify(r))
          .join(),
      ).not.toContain(notice.code);
    db.close();
  });

  it('a deposit is for a clerk at a pickup window or a manager; bad input names the field', async () => {
    const h = await openLockerHall();
    const elsewhere = api(h.server.url, await login(h.server.url, 'c01', 'demo', 1));
    await refused(elsewhere.post('/api/lockers/locker-1/deposits', depositBody()), 403, 'forbidden');
    await refused(
      api(h.server.url, 'demo-locker').post('/api/lockers/locker-1/deposits', depositBody()),
      403,
      'forbidden',
    );
    await refused(h.clerk.post('/api/lockers/nowhere/deposits', depositBody()), 404, 'not_found');
    const bad = async (fields: Record<string, unknown>, path: string) => {
      const error = await refused(
        h.clerk.post('/api/lockers/locker-1/deposits', depositBody(fields)),
        400,
        'validation_failed',
      );
      expect(error.fields?.map((f) => f.path)).toEqual([path]);
    };
    await bad({ applicantName: '张三' }, 'applicantName');
    // Masked means the first character and then only stars, not a name with a star somewhere in it.
    await bad({ applicantName: '王小明*' }, 'applicantName');
    await bad({ applicantName: '王*明' }, 'applicantName');
    await bad({ applicantName: '***' }, 'applicantName');
    await bad({ phone: '12345' }, 'phone');
    await bad({ size: 'XL' }, 'size');
    await bad({ caseNumber: ' ' }, 'caseNumber');

    // Large ones: A05 and B03; then nothing of that size is left.
    expect(
      (await ok('deposit', h.manager.post('/api/lockers/locker-1/deposits', depositBody({ size: 'L' })))).compartment
        .number,
    ).toBe('A05');
    expect(
      (await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'L' })))).compartment
        .number,
    ).toBe('B03');
    await refused(
      h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'L' })),
      409,
      'no_free_compartment',
    );
    // Small asks take a larger door when the small ones are gone.
    await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })));
    await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })));
    await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })));
    expect(
      (await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })))).compartment
        .size,
    ).toBe('M');

    await refused(
      h.locker.http.post('/api/locker/collect', { requestId: rid(), code: '12345' }),
      400,
      'validation_failed',
    );
    await refused(h.clerk.post('/api/locker/collect', { requestId: rid(), code: '123456' }), 403, 'forbidden');
    await refused(h.clerk.get('/api/notices'), 403, 'forbidden');
  });
});

describe('the keypad', () => {
  it('slows a guesser with growing pauses but does not lock out the next applicant: their right code opens after one pause', async () => {
    const h = await openLockerHall();
    const { code } = await h.store();
    const wrong = code === '000000' ? '111111' : '000000';
    for (const left of [4, 3, 2, 1])
      expect(await h.locker.collect(wrong)).toEqual({ result: 'wrong_code', attemptsLeft: left });
    const in30s = '2025-06-11T02:00:30.000Z';
    expect(await h.locker.collect(wrong)).toEqual({ result: 'locked_out', until: in30s });
    // During the pause no code is even looked at, the right one included.
    expect(await h.locker.collect(code)).toEqual({ result: 'locked_out', until: in30s });
    h.clock.advanceMs(30_000);
    expect(await h.locker.collect(wrong)).toEqual({ result: 'locked_out', until: '2025-06-11T02:01:30.000Z' });
    const { lockers } = await ok('lockers', h.clerk.get('/api/lockers'));
    expect(lockers[0]!.keypad).toEqual({ wrongInRow: 6, lockedUntil: '2025-06-11T02:01:30.000Z' });

    h.clock.advanceMs(60_000); // the applicant waited one pause, not a quarter of an hour
    expect(await h.locker.collect(code)).toMatchObject({ result: 'opening', compartment: 'A03' });
    const after = await ok('lockers', h.clerk.get('/api/lockers'));
    expect(after.lockers[0]!.keypad).toEqual({ wrongInRow: 0, lockedUntil: null });
  });
});

describe('door failures take a compartment out of use, the item still recorded', () => {
  it('a door the board could not open is faulty, with the item and the reason, and is not used again', async () => {
    const h = await openLockerHall();
    const deposit = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })));
    expect(await h.locker.report(deposit.commandId, 'open_failed', 'board 1: no answer')).toEqual({
      applied: true,
      compartment: 'A01',
      state: 'faulty',
    });
    expect(await h.compartment('A01')).toMatchObject({
      state: 'faulty',
      item: { id: deposit.compartment.item!.id, caseNumber: 'LS2025-000123' },
      fault: { reason: 'open_failed', detail: 'board 1: no answer', during: 'deposit', commandId: deposit.commandId },
    });
    const next = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })));
    expect(next.compartment.number).toBe('A02');
  });

  it('an applicant whose door failed to open is sent to staff when the code is entered again, not told it is wrong', async () => {
    const h = await openLockerHall();
    const { code } = await h.store();
    const collect = await h.locker.collect(code);
    if (collect.result !== 'opening') throw new Error('not opening');
    await h.locker.report(collect.commandId, 'open_failed', 'board 1: lock 3 still closed');
    expect(await h.compartment('A03')).toMatchObject({ state: 'faulty', fault: { during: 'pickup' } });
    expect(await h.locker.collect(code)).toEqual({ result: 'needs_staff' });
    expect(await h.locker.collect(code)).toEqual({ result: 'needs_staff' });
    const { lockers } = await ok('lockers', h.clerk.get('/api/lockers'));
    expect(lockers[0]!.keypad).toEqual({ wrongInRow: 0, lockedUntil: null });
  });

  it('staff put a faulty compartment back in use once seen to by hand; its item is recorded as handed over', async () => {
    const h = await openLockerHall();
    const deposit = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })));
    await h.locker.report(deposit.commandId, 'open_failed', 'board 1: no answer');
    const path = '/api/lockers/locker-1/compartments/A01/resolve-fault';
    const body = { requestId: rid(), handover: 'window' };
    const resolved = await ok('resolveFault', h.clerk.post(path, body));
    expect(resolved.compartment).toMatchObject({ number: 'A01', state: 'free', item: null, fault: null });
    expect(await ok('resolveFault', h.clerk.post(path, body))).toEqual(resolved);
    await refused(h.clerk.post(path, { requestId: rid(), handover: 'window' }), 409, 'invalid_state');
    const again = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'S' })));
    expect(again.compartment.number).toBe('A01');

    const db = h.db();
    expect(
      db.prepare('SELECT collected_by FROM locker_items WHERE id = ?').pluck().get(deposit.compartment.item!.id),
    ).toBe('window');
    expect(
      db
        .prepare(
          "SELECT actor, json_extract(data, '$.fault.reason') AS reason FROM journal WHERE type = 'locker.faultResolved'",
        )
        .all(),
    ).toEqual([{ actor: 'staff:c20', reason: 'open_failed' }]);
    db.close();
  });

  it('a door never reported closed is faulty after the close timeout; a late report changes nothing', async () => {
    const h = await openLockerHall();
    const watcher = keep(await connectStaff(h.server.url, h.clerkToken));
    const deposit = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody()));
    await h.locker.report(deposit.commandId, 'opened');
    h.clock.advanceMs(179_000);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await h.compartment('A03')).state).toBe('awaiting_close');
    h.clock.advanceMs(2_000);
    await until(
      () => watcher.events.some((e) => e.type === 'locker.compartment' && e.compartment.state === 'faulty'),
      3000,
    );
    expect(await h.compartment('A03')).toMatchObject({
      state: 'faulty',
      item: { caseNumber: 'LS2025-000123', storedAt: null },
      fault: { reason: 'close_timeout', during: 'deposit' },
    });
    expect(await h.locker.report(deposit.commandId, 'closed')).toEqual({
      applied: false,
      compartment: null,
      state: null,
    });
    const db = h.db();
    expect(
      db
        .prepare("SELECT actor, json_extract(data, '$.reason') AS reason FROM journal WHERE type = 'locker.faulted'")
        .all(),
    ).toEqual([{ actor: 'system', reason: 'close_timeout' }]);
    // No code went out for an item nobody saw stored.
    expect(db.prepare('SELECT COUNT(*) FROM notices').pluck().get()).toBe(0);
    db.close();
  });

  it('a door never reported open is faulty after the open timeout', async () => {
    const h = await openLockerHall();
    const watcher = keep(await connectStaff(h.server.url, h.clerkToken));
    const deposit = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody()));
    h.clock.advanceMs(15_000);
    await until(
      () => watcher.events.some((e) => e.type === 'locker.compartment' && e.compartment.state === 'faulty'),
      3000,
    );
    expect(await h.compartment('A03')).toMatchObject({
      state: 'faulty',
      item: { id: deposit.compartment.item!.id },
      fault: { reason: 'open_timeout' },
    });
  });
});

describe('staff retrieval', () => {
  it('an overdue item shows as overdue; staff retrieve it for the post, its code dies, and the log says who and where', async () => {
    const h = await openLockerHall();
    const { code } = await h.store();
    h.clock.advanceMinutes(7 * 24 * 60 + 1); // policy.lockerOverdueDays: 7
    // A week on, the clerk works on a new login.
    const clerk = api(h.server.url, await login(h.server.url, 'c20', 'demo', 20));
    const { lockers } = await ok('lockers', clerk.get('/api/lockers'));
    expect(lockers[0]!.compartments.find((c) => c.number === 'A03')).toMatchObject({
      state: 'occupied',
      overdue: true,
    });

    const retrieve = await ok(
      'retrieve',
      clerk.post('/api/lockers/locker-1/compartments/A03/retrieve', { requestId: rid(), handover: 'post' }),
    );
    expect(retrieve.compartment).toMatchObject({ state: 'opening_for_pickup', command: { purpose: 'retrieve' } });
    expect(await h.locker.command(2)).toMatchObject({ commandId: retrieve.commandId, purpose: 'retrieve' });
    expect(await h.locker.collect(code)).toEqual({ result: 'wrong_code', attemptsLeft: 4 });
    await h.locker.report(retrieve.commandId, 'opened');
    await h.locker.report(retrieve.commandId, 'closed');
    const after = await ok('lockers', clerk.get('/api/lockers'));
    expect(after.lockers[0]!.compartments.find((c) => c.number === 'A03')).toMatchObject({ state: 'free', item: null });

    const db = h.db();
    expect(db.prepare('SELECT handover, collected_by FROM locker_items').get()).toEqual({
      handover: 'post',
      collected_by: 'post',
    });
    expect(
      db
        .prepare(
          "SELECT actor, json_extract(data, '$.handover') AS handover FROM journal WHERE type = 'locker.retrieved'",
        )
        .all(),
    ).toEqual([{ actor: 'staff:c20', handover: 'post' }]);
    db.close();
  });

  it('staff recover the item of a faulty compartment, which is then back in use', async () => {
    const h = await openLockerHall();
    const deposit = await ok('deposit', h.clerk.post('/api/lockers/locker-1/deposits', depositBody({ size: 'L' })));
    await h.locker.report(deposit.commandId, 'opened');
    h.clock.advanceMinutes(4);
    const watcher = keep(await connectStaff(h.server.url, h.clerkToken));
    await until(
      () => watcher.events.some((e) => e.type === 'locker.compartment' && e.compartment.state === 'faulty'),
      3000,
    );
    const retrieve = await ok(
      'retrieve',
      h.manager.post('/api/lockers/locker-1/compartments/A05/retrieve', { requestId: rid(), handover: 'window' }),
    );
    await h.locker.report(retrieve.commandId, 'opened');
    await h.locker.report(retrieve.commandId, 'closed');
    expect(await h.compartment('A05')).toMatchObject({ state: 'free', fault: null });
    await refused(
      h.clerk.post('/api/lockers/locker-1/compartments/A05/retrieve', { requestId: rid(), handover: 'window' }),
      409,
      'invalid_state',
    );
    await refused(
      h.clerk.post('/api/lockers/locker-1/compartments/Z99/retrieve', { requestId: rid(), handover: 'window' }),
      404,
      'not_found',
    );
  });
});

describe('the hall file', () => {
  it('may not drop a compartment holding an item: the server refuses to start, naming it, and keeps the record', async () => {
    const h = await openLockerHall();
    await h.store();
    await h.server.close();
    const hall = demoHall();
    const [locker] = hall.devices.lockers;
    const withoutCabinetA = {
      ...hall,
      devices: {
        ...hall.devices,
        lockers: [{ ...locker!, cabinets: locker!.cabinets.filter((c) => c.id !== 'cab-a') }],
      },
    };
    await expect(startTestServer({ hall: withoutCabinetA, dataDir: h.server.dataDir })).rejects.toThrow(
      /compartment A03 of locker "locker-1" \(occupied, item LS2025-000123\)/,
    );
    // The record is intact: with the old file back, the item is there.
    const again = await startTestServer({ hall, dataDir: h.server.dataDir });
    try {
      const clerk = api(again.url, await login(again.url, 'c20', 'demo', 20));
      const { lockers } = await ok('lockers', clerk.get('/api/lockers'));
      expect(lockers[0]!.compartments.find((c) => c.number === 'A03')).toMatchObject({ state: 'occupied' });
    } finally {
      await again.close();
    }
  });
});
