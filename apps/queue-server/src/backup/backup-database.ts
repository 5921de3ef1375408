import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** A finished backup's name: `hallq-YYYYMMDD-HHMMSS.sqlite`, in UTC, so names sort as the backups were taken. */
const BACKUP_NAME = /^hallq-(\d{8})-(\d{6})\.sqlite$/;

export const DEFAULT_KEEP = 14;

export interface BackupOptions {
  /** How many backups the folder keeps, the newest; older ones are deleted once this one is complete. */
  keep?: number;
  /**
   * Pages copied per step, the event loop free between steps. Writes through the source connection itself are
   * mirrored into the copy; a write by another connection (the server, to a backup script) restarts it, so a script
   * copies everything in one step, which in WAL mode holds no lock the writer waits for.
   */
  pagesPerStep?: number | 'all';
}

export interface BackupResult {
  path: string;
  pages: number;
  /** The backups deleted to keep only the newest `keep`. */
  pruned: string[];
}

export function backupName(at: Date): string {
  const stamp = at.toISOString().replace(/\D/g, '').slice(0, 14);
  return `hallq-${stamp.slice(0, 8)}-${stamp.slice(8)}.sqlite`;
}

/** When the backup of that name was taken (the inverse of `backupName`, to the second). */
export function backupTakenAt(name: string): Date {
  const [, d, t] = BACKUP_NAME.exec(name) ?? [];
  if (d === undefined || t === undefined) throw new Error(`${name} is not a backup's name`);
  const iso = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`;
  return new Date(iso);
}

/** The finished backups in `folder`, newest first. */
export function listBackups(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .reverse();
}

/** SQLite's own check of every page and index; `ok` or the first problems it found. */
export function integrityProblems(path: string): string[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check(10)', { simple: false }) as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check);
    return problems.length === 1 && problems[0] === 'ok' ? [] : problems;
  } finally {
    db.close();
  }
}

/** Puts a file's contents, or a folder's entries (a rename), on disk. */
export function fsyncPath(path: string, flags: 'r' | 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * An online backup of `db` (SQLite's backup API, the hall running) into `folder`. The copy is written under a
 * temporary name, made a self-contained file (no WAL beside it), checked, put on disk, and only then renamed to a
 * backup's name: a half-written or damaged copy never looks like a backup. The installation's keys live in files
 * apart from the database and are not in the copy.
 */
export async function backupDatabase(
  db: Database.Database,
  folder: string,
  now: Date,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const keep = options.keep ?? DEFAULT_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep: ${keep} is not a positive whole number`);
  // The copy holds the hall's personal data, as the database does: for the server's user only.
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const name = backupName(now);
  const path = join(folder, name);
  const temp = join(folder, `.${name}.partial`);
  const step = options.pagesPerStep ?? 100;
  try {
    const { totalPages } = await db.backup(temp, {
      progress: ({ totalPages: total }) => (step === 'all' ? total : step),
    });
    chmodSync(temp, 0o600);
    const copy = new Database(temp, { fileMustExist: true });
    try {
      // The copy carries the source's WAL mode in its header; a backup is one file, opened anywhere as it is.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const problems = integrityProblems(temp);
    if (problems.length > 0) throw new Error(`the copy failed its integrity check: ${problems.join('; ')}`);
    fsyncPath(temp, 'r+');
    renameSync(temp, path);
    fsyncPath(folder, 'r');
    return { path, pages: totalPages, pruned: pruneBackups(folder, keep) };
  } finally {
    for (const leftover of [temp, `${temp}-journal`, `${temp}-wal`, `${temp}-shm`]) rmSync(leftover, { force: true });
  }
}

/** Deletes all but the newest `keep` backups in `folder`; says which it deleted. */
export function pruneBackups(folder: string, keep: number): string[] {
  const old = listBackups(folder).slice(keep);
  for (const name of old) rmSync(join(folder, name));
  return old;
}
