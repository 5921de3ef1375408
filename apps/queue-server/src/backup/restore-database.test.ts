import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { listMigrations } from '../db/migrate';
import { backupDatabase } from './backup-database';
import { RestoreRefused, restoreDatabase } from './restore-database';

/** A hall database with one marked row, backed up; its data and keys folders, and the backup file. */
async function backedUpHall(): Promise<{ root: string; dataDir: string; backup: string }> {
  const root = mkdtempSync(join(tmpdir(), 'hallq-restore-'));
  const dataDir = join(root, 'data');
  const hall = openDatabase(dataDir);
  try {
    hall.write
      .prepare('INSERT INTO requests (request_id, route, actor, status, response, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('restore-mark', 'issueTicket', 'device:kiosk', 201, 'before the backup', '2026-12-05T02:00:00Z');
    const { path } = await backupDatabase(hall.write, join(root, 'backups'), new Date());
    return { root, dataDir, backup: path };
  } finally {
    await hall.close();
  }
}

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof RestoreRefused) return error.message;
    throw error;
  }
  throw new Error('the restore went through');
};

async function markIn(dataDir: string): Promise<unknown> {
  const hall = openDatabase(dataDir);
  try {
    return hall.read.prepare("SELECT response FROM requests WHERE request_id = 'restore-mark'").pluck().get();
  } finally {
    await hall.close();
  }
}

describe('restoreDatabase', () => {
  it('puts the backup in a new data directory, where the hall opens with its data and its restored keys', async () => {
    const { root, dataDir, backup } = await backedUpHall();
    const restored = join(root, 'restored');
    cpSync(`${dataDir}-keys`, `${restored}-keys`, { recursive: true });
    const result = restoreDatabase({ from: backup, dataDir: restored });
    expect(result).toMatchObject({
      path: join(restored, 'hallq.sqlite'),
      keysDir: `${restored}-keys`,
      keysPresent: true,
    });
    expect(result.userVersion).toBe(listMigrations().length);
    expect(await markIn(restored)).toBe('before the backup');
    expect(readFileSync(join(`${restored}-keys`, 'id_number_hmac.key'))).toEqual(
      readFileSync(join(`${dataDir}-keys`, 'id_number_hmac.key')),
    );
  });

  it('says when the keys folder is still missing', async () => {
    const { root, backup } = await backedUpHall();
    expect(restoreDatabase({ from: backup, dataDir: join(root, 'restored') }).keysPresent).toBe(false);
  });

  it('refuses a data directory that holds a database, and replaces it (and its stale WAL) only with force', async () => {
    const { root, backup } = await backedUpHall();
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'hallq.sqlite'), 'another hall');
    writeFileSync(join(other, 'hallq.sqlite-wal'), 'another hall’s log');
    expect(refusal(() => restoreDatabase({ from: backup, dataDir: other }))).toMatch(/already holds a database/);
    expect(readFileSync(join(other, 'hallq.sqlite'), 'utf8')).toBe('another hall');

    restoreDatabase({ from: backup, dataDir: other, force: true });
    expect(existsSync(join(other, 'hallq.sqlite-wal'))).toBe(false);
    expect(await markIn(other)).toBe('before the backup');
  });

  it('refuses a backup from a newer server, leaving the data directory untouched', async () => {
    const { root, backup } = await backedUpHall();
    const newer = join(root, 'newer.sqlite');
    copyFileSync(backup, newer);
    const db = new Database(newer);
    db.pragma(`user_version = ${listMigrations().length + 1}`);
    db.close();
    const target = join(root, 'restored');
    expect(refusal(() => restoreDatabase({ from: newer, dataDir: target }))).toMatch(/newer than this server/);
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a damaged backup and a missing one', async () => {
    const { root } = await backedUpHall();
    const damaged = join(root, 'damaged.sqlite');
    writeFileSync(damaged, Buffer.alloc(8192, 0x5a));
    expect(() => restoreDatabase({ from: damaged, dataDir: join(root, 'restored') })).toThrow();
    expect(existsSync(join(root, 'restored'))).toBe(false);
    expect(refusal(() => restoreDatabase({ from: join(root, 'nope.sqlite'), dataDir: join(root, 'r') }))).toMatch(
      /no such backup file/,
    );
  });
});
