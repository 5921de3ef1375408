import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0003-guide-calls (2 → 3)', () => {
  it('adds the guide calls and allows one open call per kiosk and day, any number answered', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    db.prepare('INSERT INTO event_seq (id, reserved) VALUES (1, 1000)').run();
    expect(migrate(db, 3)).toBe(3);
    expect(db.prepare('SELECT reserved FROM event_seq').pluck().get()).toBe(1000);

    const insert = db.prepare(
      `INSERT INTO guide_calls (id, hall_day, kiosk, zone, reason, called_at, answered_at, answered_by)
       VALUES (?, ?, 'kiosk-1', '一楼', 'general', 't', ?, ?)`,
    );
    insert.run('g1', '2026-11-23', 't2', 'z01');
    insert.run('g2', '2026-11-23', 't3', 'z01');
    insert.run('g3', '2026-11-23', null, null);
    expect(() => insert.run('g4', '2026-11-23', null, null)).toThrow(/UNIQUE/);
    insert.run('g5', '2026-11-24', null, null);
  });
});
