import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0004-appointment-id-number (3 → 4)', () => {
  it('keeps the appointments already booked and gives each installation its own 32-byte secret', () => {
    const db = new Database(':memory:');
    migrate(db, 3);
    db.prepare(
      `INSERT INTO appointments (code, hall_day, window_type, service_item, slot_start, created_by, created_at)
       VALUES ('123456', '2026-11-23', 'personal', NULL, 't', 'staff:c01', 't')`,
    ).run();
    expect(migrate(db, 4)).toBe(4);
    expect(db.prepare('SELECT code, id_hash, id_last4 FROM appointments').get()).toEqual({
      code: '123456',
      id_hash: null,
      id_last4: null,
    });

    const secret = (d: Database.Database) =>
      d.prepare("SELECT secret FROM installation_secrets WHERE name = 'id_number_hmac'").pluck().get() as Buffer;
    const other = new Database(':memory:');
    migrate(other, 4);
    expect(secret(db)).toHaveLength(32);
    expect(secret(db).equals(secret(other))).toBe(false);
  });
});
