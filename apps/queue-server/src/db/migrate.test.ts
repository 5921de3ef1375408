import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listMigrations, migrate } from './migrate';

describe('migrate', () => {
  it('applies every migration in order and is a no-op the second time', () => {
    const db = new Database(':memory:');
    const all = listMigrations();
    expect(migrate(db)).toBe(all.length);
    expect(migrate(db)).toBe(all.length);
  });

  it('refuses a database newer than the server', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 999');
    expect(() => migrate(db)).toThrow(/newer than this server/);
  });

  it('rejects a gap in the numbering', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-mig-'));
    writeFileSync(join(dir, '0001-a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(dir, '0003-c.sql'), 'CREATE TABLE c (x);');
    expect(() => listMigrations(dir)).toThrow(/should be number 2/);
  });

  it('rolls back a migration that fails halfway', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-mig-'));
    writeFileSync(join(dir, '0001-a.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(dir, '0002-b.sql'), 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);');
    const db = new Database(':memory:');
    expect(() => migrate(db, undefined, listMigrations(dir))).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });
});
