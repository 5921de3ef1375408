import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadInstallationKeys } from './installation-keys';
import { migrate } from './migrate';

describe('loadInstallationKeys', () => {
  it('moves the keys of a database from before out to their files and erases them from the database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-keys-'));
    const db = new Database(join(dir, 'hallq.sqlite'));
    migrate(db); // version 7 and 8 databases made their keys inside
    const before = db.prepare("SELECT secret FROM installation_secrets WHERE name = 'id_number_hmac'").pluck().get();
    const keys = loadInstallationKeys(db, join(dir, 'keys'));
    expect(keys.id_number_hmac.equals(before as Buffer)).toBe(true);
    const file = readFileSync(join(dir, 'keys', 'id_number_hmac.key'), 'utf8').trim();
    expect(file).toBe(keys.id_number_hmac.toString('hex'));
    expect(db.prepare('SELECT count(*) FROM installation_secrets').pluck().get()).toBe(0);
    // Started again: the same keys, from the files.
    const again = loadInstallationKeys(db, join(dir, 'keys'));
    expect(again.id_number_hmac.equals(keys.id_number_hmac)).toBe(true);
    expect(again.pickup_code_hmac.equals(keys.pickup_code_hmac)).toBe(true);
    db.close();
  });

  it('refuses a key file that is not a key, rather than hashing under garbage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallq-keys-'));
    const db = new Database(':memory:');
    migrate(db);
    db.prepare('DELETE FROM installation_secrets').run();
    const keysDir = join(dir, 'keys');
    loadInstallationKeys(db, keysDir);
    writeFileSync(join(keysDir, 'id_number_hmac.key'), 'not a key\n');
    expect(() => loadInstallationKeys(db, keysDir)).toThrow(/id_number_hmac\.key: not a key file/);
    db.close();
  });
});
