import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0014-card-tickets (13 → 14)', () => {
  it('adds the record of tickets taken by card, one per ticket, counted by person, day and type through its index', () => {
    const db = new Database(':memory:');
    migrate(db, 13);
    expect(migrate(db, 14)).toBe(14);
    const insert = db.prepare(
      'INSERT INTO card_tickets (ticket_id, hall_day, window_type, id_hash, id_last4) VALUES (?, ?, ?, ?, ?)',
    );
    insert.run('t1', '2026-12-05', 'general', 'h'.repeat(64), '001X');
    insert.run('t2', '2026-12-05', 'general', 'h'.repeat(64), '001X');
    expect(() => insert.run('t1', '2026-12-05', 'general', 'x'.repeat(64), '1234')).toThrow(/UNIQUE/);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT COUNT(*) FROM card_tickets WHERE id_hash = ? AND hall_day = ? AND window_type = ?`,
      )
      .all('h', 'd', 't') as { detail: string }[];
    expect(plan.map((r) => r.detail).join()).toMatch(/card_tickets_by_person/);
  });
});
