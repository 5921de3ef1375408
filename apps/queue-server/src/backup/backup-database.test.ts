import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { backupDatabase, backupName, integrityProblems, listBackups } from './backup-database';

const opened: Database.Database[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A WAL database like the hall's, with `rows` rows of a page each, so a backup of it takes many steps. */
function hallLikeDatabase(rows = 200): Database.Database {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'hallq-backup-src-')), 'hallq.sqlite'));
  opened.push(db);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(3000));
  })();
  return db;
}

const tempFolder = () => join(mkdtempSync(join(tmpdir(), 'hallq-backups-')), 'backups');
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const PARTIAL = '.hallq-20261205-180000.sqlite.partial';
const AT = new Date('2026-12-05T18:00:00Z');

/** Starts a backup a page at a step; resolves, once its copy has begun (its temporary file is there), with its end. */
async function backupUnderWay(db: Database.Database, folder: string) {
  let finished = false;
  const done = backupDatabase(db, folder, AT, { pagesPerStep: 1 });
  void done.finally(() => (finished = true));
  while (!existsSync(join(folder, PARTIAL))) {
    if (finished) throw new Error('the backup finished before its copy was seen');
    await nextTurn();
  }
  return { done };
}
const rowsIn = (path: string): number => {
  const copy = new Database(path, { readonly: true });
  try {
    return copy.prepare('SELECT COUNT(*) FROM filler').pluck().get() as number;
  } finally {
    copy.close();
  }
};

describe('backupDatabase', () => {
  it('names the backup by the UTC time it was taken', () => {
    expect(backupName(new Date('2026-12-05T18:30:05.123Z'))).toBe('hallq-20261205-183005.sqlite');
  });

  it('writes under a temporary name while copying, so a half-written backup never looks like one', async () => {
    const db = hallLikeDatabase();
    const folder = tempFolder();
    const { done } = await backupUnderWay(db, folder);
    for (let i = 0; i < 10; i++) await nextTurn();
    expect(listBackups(folder)).toEqual([]);
    // The copy and SQLite's journal of it, both under the temporary name.
    expect(readdirSync(folder).every((name) => name.startsWith(PARTIAL))).toBe(true);

    const { path } = await done;
    expect(readdirSync(folder)).toEqual(['hallq-20261205-180000.sqlite']);
    expect(path).toBe(join(folder, 'hallq-20261205-180000.sqlite'));
  });

  it('keeps the hall writing during the copy, and the copy has what its connection wrote meanwhile', async () => {
    const db = hallLikeDatabase();
    const { done } = await backupUnderWay(db, tempFolder());
    db.prepare('INSERT INTO filler (body) VALUES (?)').run('written during the backup');
    const { path } = await done;
    expect(rowsIn(path)).toBe(201);
  });

  it('leaves one self-contained file, readable by the server user only, that passes the integrity check', async () => {
    const { path } = await backupDatabase(hallLikeDatabase(), tempFolder(), new Date());
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(integrityProblems(path)).toEqual([]);
    const copy = new Database(path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
  });

  it('keeps the newest `keep` backups and leaves other files in the folder alone', async () => {
    const db = hallLikeDatabase(5);
    const folder = tempFolder();
    const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'];
    let pruned: string[] = [];
    for (const day of days) {
      if (day === '2026-12-02') writeFileSync(join(folder, 'notes.txt'), 'the operator’s own file');
      ({ pruned } = await backupDatabase(db, folder, new Date(`${day}T18:00:00Z`), { keep: 3 }));
    }
    expect(listBackups(folder)).toEqual([
      'hallq-20261205-180000.sqlite',
      'hallq-20261204-180000.sqlite',
      'hallq-20261203-180000.sqlite',
    ]);
    expect(pruned).toEqual(['hallq-20261202-180000.sqlite']);
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true);
  });

  it('refuses a retention below one before copying anything', async () => {
    const folder = tempFolder();
    await expect(backupDatabase(hallLikeDatabase(5), folder, new Date(), { keep: 0 })).rejects.toThrow(/keep: 0/);
    expect(existsSync(folder)).toBe(false);
  });

  it('copies the hall database without its keys: no key in the copy, no key file beside it', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'hallq-backup-keys-')), 'data');
    const hall = openDatabase(dataDir);
    const folder = tempFolder();
    try {
      const { path } = await backupDatabase(hall.write, folder, new Date());
      expect(readdirSync(folder)).toEqual([path.slice(folder.length + 1)]);
      const copy = new Database(path, { readonly: true });
      expect(copy.prepare('SELECT COUNT(*) FROM installation_secrets').pluck().get()).toBe(0);
      copy.close();
    } finally {
      await hall.close();
    }
  });
});

describe('integrityProblems', () => {
  it('names the damage in a file whose pages were overwritten', async () => {
    const { path } = await backupDatabase(hallLikeDatabase(), tempFolder(), new Date());
    const db = new Database(path);
    const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'filler'").pluck().get() as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    // The table's root page, its child pointers included, overwritten with noise.
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize - 200, 0x5a), 0, pageSize - 200, (root - 1) * pageSize + 100);
    closeSync(fd);
    expect(integrityProblems(path).length).toBeGreaterThan(0);
  });
});
