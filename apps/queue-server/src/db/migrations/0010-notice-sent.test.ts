import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0010-notice-sent (9 → 10)', () => {
  it('keeps every notice as it was, none of them sent, and records a sending only on an erased notice', () => {
    const db = new Database(':memory:');
    migrate(db, 9);
    db.prepare(
      `INSERT INTO locker_items (id, locker, compartment, case_number, description, applicant_name, phone,
                                 registered_by, registered_at) VALUES ('item-1', 'locker-1', 'A01', 'c', 'd', '张*',
                                 '13812345678', 's', 't')`,
    ).run();
    const notice = db.prepare(
      `INSERT INTO notice_outbox (id, item_id, locker, compartment, phone, text, qr, created_at, erased_at)
       VALUES (?, 'item-1', 'locker-1', 'A01', ?, ?, ?, 't', ?)`,
    );
    notice.run('live', '13812345678', '取件码 123456', 'hallq-locker:locker-1:123456', null);
    notice.run('erased', '138****5678', null, null, '2026-11-20T03:00:00.000Z');
    const before = db.prepare('SELECT * FROM notice_outbox ORDER BY id').all() as Record<string, unknown>[];

    expect(migrate(db, 10)).toBe(10);

    expect(db.prepare('SELECT * FROM notice_outbox ORDER BY id').all()).toEqual(
      before.map((row) => ({ ...row, sent_at: null })),
    );
    const send = db.prepare("UPDATE notice_outbox SET sent_at = '2026-11-20T04:00:00.000Z' WHERE id = ?");
    // A notice still holding its code cannot be recorded as sent: sending is what erases it.
    expect(() => send.run('live')).toThrow(/CHECK/);
    send.run('erased');
    expect(db.prepare("SELECT sent_at FROM notice_outbox WHERE id = 'erased'").pluck().get()).toBe(
      '2026-11-20T04:00:00.000Z',
    );
  });
});
