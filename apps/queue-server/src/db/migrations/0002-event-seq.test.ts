import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0002-event-seq (1 → 2)', () => {
  it('adds the one-row event sequence reservation and keeps the day already recorded', () => {
    const db = new Database(':memory:');
    migrate(db, 1);
    db.prepare(
      "INSERT INTO journal (at, hall_day, type, actor, data) VALUES ('t', '2026-11-23', 'ticket.issued', 'k', '{}')",
    ).run();
    expect(migrate(db, 2)).toBe(2);
    expect(db.prepare('SELECT COUNT(*) FROM journal').pluck().get()).toBe(1);
    db.prepare('INSERT INTO event_seq (id, reserved) VALUES (1, 1000)').run();
    expect(() => db.prepare('INSERT INTO event_seq (id, reserved) VALUES (2, 2000)').run()).toThrow(/CHECK/);
  });
});
