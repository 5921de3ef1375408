import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

const insert = (db: Database.Database, code: string, day: string) =>
  db
    .prepare(
      `INSERT INTO appointments (code, hall_day, window_type, service_item, slot_start, created_by, created_at,
                                 ticket_id, id_hash, id_last4)
       VALUES (?, ?, 'personal', NULL, ?, 'staff:c01', 't', NULL, NULL, NULL)`,
    )
    .run(code, day, `${day}T02:00:00.000Z`);

describe('migration 0009-appointment-codes-reused (8 → 9)', () => {
  it('keeps every appointment as it was, with its ID card hash and index, and lets a code come back on another day', () => {
    const db = new Database(':memory:');
    migrate(db, 8);
    db.prepare(
      `INSERT INTO appointments (code, hall_day, window_type, service_item, slot_start, created_by, created_at,
                                 ticket_id, id_hash, id_last4)
       VALUES ('123456', '2026-11-23', 'personal', 'birth-registration', 's', 'staff:c01', 'c', 't1', 'h', '123X')`,
    ).run();
    insert(db, '654321', '2026-11-24');
    const before = db.prepare('SELECT * FROM appointments ORDER BY code').all();
    // Before: the code alone is the key, so a past day's code can never be drawn again.
    expect(() => insert(db, '123456', '2026-12-01')).toThrow(/UNIQUE/);

    expect(migrate(db, 9)).toBe(9);
    expect(db.prepare('SELECT * FROM appointments ORDER BY code').all()).toEqual(before);
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'appointments_by_id_hash'").get(),
    ).toBeDefined();

    insert(db, '123456', '2026-12-01');
    expect(
      db.prepare("SELECT hall_day FROM appointments WHERE code = '123456' ORDER BY hall_day").pluck().all(),
    ).toEqual(['2026-11-23', '2026-12-01']);
    // One code, one day: still unique.
    expect(() => insert(db, '123456', '2026-12-01')).toThrow(/UNIQUE/);
  });
});
