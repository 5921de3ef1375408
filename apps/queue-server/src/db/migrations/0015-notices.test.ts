import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0015-notices (14 → 15)', () => {
  const item = (db: Database.Database, id: string, phone: string) =>
    db
      .prepare(
        `INSERT INTO locker_items (id, locker, compartment, case_number, description, applicant_name, phone,
                                   registered_by, registered_at) VALUES (?, 'locker-1', 'A01', 'c', 'd', '张*', ?, 's', 't')`,
      )
      .run(id, phone);

  it('moves the outbox over: a live notice waits at the window, a relayed one is relayed, one erased unsent is withdrawn', () => {
    const db = new Database(':memory:');
    migrate(db, 14);
    item(db, 'waiting', '13812345678');
    item(db, 'relayed', '138****5678');
    item(db, 'taken', '138****5678');
    const notice = db.prepare(
      `INSERT INTO notice_outbox (id, item_id, locker, compartment, phone, text, qr, created_at, erased_at, sent_at)
       VALUES (?, ?, 'locker-1', 'A01', ?, ?, ?, ?, ?, ?)`,
    );
    notice.run('n1', 'waiting', '13812345678', '取件码 123456', 'hallq-locker:locker-1:123456', 't1', null, null);
    notice.run('n2', 'relayed', '138****5678', null, null, 't2', 't3', 't3');
    notice.run('n3', 'taken', '138****5678', null, null, 't0', 't4', null);

    expect(migrate(db, 15)).toBe(15);

    const rows = db
      .prepare(
        `SELECT id, kind, dedupe_key, subject, item_id, phone, text, qr, status, sender, attempts, created_at, sent_at,
                erased_at FROM notices ORDER BY seq`,
      )
      .all();
    expect(rows).toEqual([
      {
        id: 'n3',
        kind: 'pickup_ready',
        dedupe_key: 'pickup_ready:taken',
        subject: 'locker-1 A01 号格口',
        item_id: 'taken',
        phone: '138****5678',
        text: null,
        qr: null,
        status: 'withdrawn',
        sender: 'window',
        attempts: 0,
        created_at: 't0',
        sent_at: null,
        erased_at: 't4',
      },
      expect.objectContaining({ id: 'n1', status: 'at_window', text: '取件码 123456', phone: '13812345678' }),
      expect.objectContaining({ id: 'n2', status: 'relayed', sent_at: 't3', erased_at: 't3', text: null }),
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notice_outbox'").all()).toEqual([]);
  });

  it('makes a notice once per kind and subject, never erases one still to act on, and keeps an erased one erased', () => {
    const db = new Database(':memory:');
    migrate(db, 15);
    item(db, 'i1', '13812345678');
    const put = db.prepare(
      `INSERT INTO notices (id, kind, dedupe_key, subject, item_id, phone, text, qr, status, sender, created_at, erased_at)
       VALUES (?, ?, ?, 's', 'i1', '13812345678', ?, NULL, ?, 'modem', 't', ?)`,
    );
    put.run('a', 'pickup_ready', 'pickup_ready:i1', 'text', 'pending', null);
    expect(() => put.run('b', 'pickup_ready', 'pickup_ready:i1', 'text', 'pending', null)).toThrow(/UNIQUE/);
    put.run('c', 'pickup_overdue', 'pickup_overdue:i1', 'text', 'pending', null);
    // Delivered, relayed or withdrawn without being erased; or erased while still pending.
    expect(() => put.run('d', 'pickup_overdue', 'x1', 'text', 'delivered', null)).toThrow(/CHECK/);
    expect(() => put.run('e', 'pickup_overdue', 'x2', null, 'pending', 't')).toThrow(/CHECK/);
    expect(() => put.run('f', 'pickup_overdue', 'x3', 'text', 'sent', 't')).toThrow(/CHECK/);
    expect(() => put.run('g', 'lost_dog', 'x4', 'text', 'pending', null)).toThrow(/CHECK/);
    // A QR belongs to a pickup notice only.
    expect(() => db.prepare("UPDATE notices SET qr = 'hallq-locker:locker-1:1' WHERE id = 'c'").run()).toThrow(/CHECK/);
  });
});
