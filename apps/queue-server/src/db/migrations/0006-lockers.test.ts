import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0006-lockers (5 → 6)', () => {
  it('keeps the ratings and adds compartments with unique codes per locker, items that say who took them, keypads, the outbox and a secret', () => {
    const db = new Database(':memory:');
    migrate(db, 5);
    db.prepare(
      `INSERT INTO ratings (id, hall_day, ticket_id, ticket_number, window, clerk, window_type, service_item,
                            requested_at, expires_at) VALUES ('r1', '2026-11-23', 't1', 'A001', 3, 'c03', 'personal', NULL, 't', 't')`,
    ).run();
    expect(migrate(db, 6)).toBe(6);
    expect(db.prepare('SELECT id FROM ratings').pluck().all()).toEqual(['r1']);

    const put = db.prepare(
      'INSERT INTO locker_compartments (locker, number, state, code_hash, command_id, deadline, data) VALUES (?, ?, ?, ?, NULL, NULL, ?)',
    );
    put.run('locker-1', 'A01', 'occupied', 'h1', '{}');
    expect(() => put.run('locker-1', 'A02', 'occupied', 'h1', '{}')).toThrow(/UNIQUE/);
    put.run('locker-2', 'A01', 'occupied', 'h1', '{}'); // another locker's keypad
    expect(() => put.run('locker-1', 'A03', 'free', 'h2', '{}')).toThrow(/CHECK/);
    expect(() => put.run('locker-1', 'A04', 'lost', null, '{}')).toThrow(/CHECK/);

    const item = db.prepare(
      `INSERT INTO locker_items (id, locker, compartment, case_number, description, applicant_name, phone,
                                 registered_by, registered_at, collected_at, collected_by) VALUES (?, 'locker-1', 'A01', 'c', 'd', '张*', '1', 's', 't', ?, ?)`,
    );
    expect(() => item.run('i1', 't', null)).toThrow(/CHECK/); // collected, but by whom?
    item.run('i1', 't', 'post');
    expect(db.prepare("INSERT INTO locker_keypads VALUES ('locker-1', 0, NULL)").run().changes).toBe(1);
    const secret = db.prepare("SELECT secret FROM installation_secrets WHERE name = 'pickup_code_hmac'").pluck().get();
    expect(secret).toHaveLength(32);
  });
});
