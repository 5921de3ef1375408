import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';

describe('migration 0013-hall-settings (12 → 13)', () => {
  const version = (db: Database.Database, fields: Record<string, unknown>) =>
    db
      .prepare(
        `INSERT INTO hall_settings (version, at, actor, source, changes, shape, config, file_digest, rolled_back_to)
         VALUES (@version, 't', 'staff:m', @source, '[]', 1, '{}', @file_digest, @rolled_back_to)`,
      )
      .run({ file_digest: null, rolled_back_to: null, ...fields });

  it('keeps every settings version as written: never changed, never deleted', () => {
    const db = new Database(':memory:');
    migrate(db, 12);
    expect(migrate(db, 13)).toBe(13);
    version(db, { version: 1, source: 'file', file_digest: 'abc' });
    version(db, { version: 2, source: 'console' });
    expect(() => db.prepare("UPDATE hall_settings SET config = '{}' WHERE version = 2").run()).toThrow(/never changes/);
    expect(() => db.prepare('DELETE FROM hall_settings WHERE version = 1').run()).toThrow(/never deleted/);
  });

  it('ties a file version to its digest and a rollback to the version it went back to', () => {
    const db = new Database(':memory:');
    migrate(db, 13);
    expect(() => version(db, { version: 1, source: 'file' })).toThrow(/CHECK/);
    expect(() => version(db, { version: 1, source: 'console', file_digest: 'abc' })).toThrow(/CHECK/);
    version(db, { version: 1, source: 'console' });
    expect(() => version(db, { version: 2, source: 'rollback' })).toThrow(/CHECK/);
    version(db, { version: 2, source: 'rollback', rolled_back_to: 1 });
    expect(() => version(db, { version: 0, source: 'console' })).toThrow(/CHECK/);
  });

  it('holds one credential per person or device, and a password to change only for a person', () => {
    const db = new Database(':memory:');
    migrate(db, 13);
    const put = db.prepare(
      "INSERT INTO credentials (kind, id, hash, must_change, updated_at) VALUES (?, ?, 'h', ?, 't')",
    );
    put.run('staff', 'c01', 1);
    put.run('device', 'c01', 0);
    expect(() => put.run('staff', 'c01', 0)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => put.run('device', 'k1', 1)).toThrow(/CHECK/);
  });
});
