import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

function at(version: number) {
  const db = new Database(':memory:');
  migrate(db, version);
  return db;
}

describe('migration 0001-initial (0 → 1)', () => {
  it('creates the tables and sets user_version to 1', () => {
    const db = at(0);
    expect(migrate(db, 1)).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'appointments',
        'journal',
        'requests',
        'sessions',
        'ticket_counters',
        'tickets',
        'windows',
      ]),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(1);
  });

  it('keeps the journal append-only', () => {
    const db = at(1);
    db.prepare("INSERT INTO journal (at, hall_day, type, actor, data) VALUES ('t', 'd', 'x', 'a', '{}')").run();
    expect(() => db.prepare("UPDATE journal SET type = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM journal').run()).toThrow(/append-only/);
  });

  it('refuses a second ticket in play at the same window on the same day', () => {
    const db = at(1);
    const insert = db.prepare(
      "INSERT INTO tickets (id, hall_day, number, state, window, status_token, issued_by, data) VALUES (?, '2026-11-23', ?, ?, 3, ?, 'k', '{}')",
    );
    insert.run('t1', 'A001', 'called', 'tok1');
    insert.run('t2', 'A002', 'finished', 'tok2');
    expect(() => insert.run('t3', 'A003', 'serving', 'tok3')).toThrow(/UNIQUE/);
  });

  it('never reuses a ticket number within a day', () => {
    const db = at(1);
    const insert = db.prepare(
      "INSERT INTO tickets (id, hall_day, number, state, status_token, issued_by, data) VALUES (?, '2026-11-23', 'A001', 'waiting', ?, 'k', '{}')",
    );
    insert.run('t1', 'tok1');
    expect(() => insert.run('t2', 'tok2')).toThrow(/UNIQUE/);
  });
});
