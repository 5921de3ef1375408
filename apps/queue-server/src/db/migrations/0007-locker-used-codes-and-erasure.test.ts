import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0007-locker-used-codes-and-erasure (6 → 7)', () => {
  it('keeps the notices, erases those of items already collected, and remembers used codes per locker', () => {
    const db = new Database(':memory:');
    migrate(db, 6);
    const item = db.prepare(
      `INSERT INTO locker_items (id, locker, compartment, case_number, description, applicant_name, phone,
                                 registered_by, registered_at, collected_at, collected_by)
       VALUES (?, 'locker-1', 'A01', 'c', 'd', '张*', '13812345678', 's', 't', ?, ?)`,
    );
    item.run('waiting', null, null);
    item.run('taken', '2026-11-20T03:00:00.000Z', 'applicant');
    const notice = db.prepare(
      `INSERT INTO notice_outbox (id, item_id, locker, compartment, phone, text, qr, created_at)
       VALUES (?, ?, 'locker-1', 'A01', '13812345678', '取件码 123456', 'hallq-locker:locker-1:123456', 't')`,
    );
    notice.run('n1', 'waiting');
    notice.run('n2', 'taken');

    expect(migrate(db, 7)).toBe(7);

    const rows = db.prepare('SELECT id, phone, text, qr, erased_at AS erasedAt FROM notice_outbox ORDER BY id').all();
    expect(rows).toEqual([
      {
        id: 'n1',
        phone: '13812345678',
        text: '取件码 123456',
        qr: 'hallq-locker:locker-1:123456',
        erasedAt: null,
      },
      { id: 'n2', phone: '138****5678', text: null, qr: null, erasedAt: '2026-11-20T03:00:00.000Z' },
    ]);
    expect(db.prepare("SELECT phone FROM locker_items WHERE id = 'taken'").pluck().get()).toBe('138****5678');
    expect(db.prepare("SELECT phone FROM locker_items WHERE id = 'waiting'").pluck().get()).toBe('13812345678');
    // An erased notice has neither text nor QR; a live one has both.
    expect(() => db.prepare("UPDATE notice_outbox SET text = NULL WHERE id = 'n1'").run()).toThrow(/CHECK/);

    const use = db.prepare(
      "INSERT INTO locker_used_codes (locker, code_hash, item_id, used_at) VALUES (?, 'h1', 'taken', 't')",
    );
    use.run('locker-1');
    use.run('locker-2');
    expect(() => use.run('locker-1')).toThrow(/UNIQUE|PRIMARY/);
  });
});
