import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0016-notice-kinds-and-senders (15 → 16)', () => {
  it('keeps every notice as it was, in its order, and takes a test notice and the kiosk as a sender while still refusing an unknown kind or sender', () => {
    const db = new Database(':memory:');
    migrate(db, 15);
    db.prepare(
      `INSERT INTO locker_items (id, locker, compartment, case_number, description, applicant_name, phone,
                                 registered_by, registered_at) VALUES ('i1', 'locker-1', 'A01', 'c', 'd', '张*', 'p', 's', 't')`,
    ).run();
    const put = db.prepare(
      `INSERT INTO notices (id, kind, dedupe_key, subject, item_id, phone, text, status, sender, created_at)
       VALUES (?, ?, ?, 's', ?, '13812345678', 'text', ?, 'modem', 't')`,
    );
    put.run('b', 'pickup_overdue', 'pickup_overdue:i1', 'i1', 'failed');
    put.run('a', 'pickup_ready', 'pickup_ready:i1', 'i1', 'pending');
    db.prepare("UPDATE notices SET next_attempt_at = 't1', attempts = 2, last_error = 'HTTP 502' WHERE id = 'a'").run();
    expect(() => put.run('t', 'test', 'test:1', null, 'pending')).toThrow(/CHECK/);
    const before = db.prepare('SELECT * FROM notices ORDER BY seq').all();

    expect(migrate(db, 16)).toBe(16);

    expect(db.prepare('SELECT * FROM notices ORDER BY seq').all()).toEqual(before);
    put.run('t', 'test', 'test:1', null, 'pending');
    expect(db.prepare("SELECT seq FROM notices WHERE id = 't'").pluck().get()).toBe(3);
    expect(() => put.run('g', 'lost_dog', 'x4', null, 'pending')).toThrow(/CHECK/);
    const sentBy = (id: string, sender: string) =>
      db
        .prepare(
          `INSERT INTO notices (id, kind, dedupe_key, subject, phone, text, status, sender, created_at)
           VALUES (?, 'test', ?, 's', '13812345678', 'text', 'pending', ?, 't')`,
        )
        .run(id, `test:${id}`, sender);
    sentBy('k', 'kiosk');
    expect(() => sentBy('p', 'pigeon')).toThrow(/CHECK/);
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notices'").pluck();
    expect(indexes.all()).toEqual(expect.arrayContaining(['notices_pending', 'notices_item', 'notices_status']));
  });
});
