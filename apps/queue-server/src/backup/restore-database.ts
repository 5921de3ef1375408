import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { KEY_NAMES } from '../db/installation-keys';
import { listMigrations } from '../db/migrate';
import { fsyncPath, integrityProblems } from './backup-database';

export interface RestoreOptions {
  /** A backup file (`hallq-YYYYMMDD-HHMMSS.sqlite`). */
  from: string;
  /** The data directory the server will start on. */
  dataDir: string;
  /** Replace a database already in `dataDir` (the server on it stopped). */
  force?: boolean;
}

export interface RestoreResult {
  path: string;
  /** The backup's schema version; the server migrates it up when it starts. */
  userVersion: number;
  /** Where the server looks for the installation's keys by default, and whether every key file is there. */
  keysDir: string;
  keysPresent: boolean;
}

/** Why a restore was refused; nothing in the data directory was changed. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

function schemaVersion(path: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place as `dataDir`'s database: checked first (whole, and not from a newer server than this one),
 * copied under a temporary name and renamed, so a failed restore leaves no database that looks whole. The keys are
 * never in a backup: they are restored apart, into `keysDir`.
 */
export function restoreDatabase({ from, dataDir, force = false }: RestoreOptions): RestoreResult {
  if (!existsSync(from)) throw new RestoreRefused(`${from}: no such backup file`);
  const problems = integrityProblems(from);
  if (problems.length > 0) throw new RestoreRefused(`${from} failed its integrity check: ${problems.join('; ')}`);
  const userVersion = schemaVersion(from);
  const known = listMigrations().length;
  if (userVersion > known) {
    throw new RestoreRefused(`${from} is at schema version ${userVersion}, newer than this server (${known})`);
  }
  const path = join(dataDir, 'hallq.sqlite');
  if (existsSync(path) && !force) {
    throw new RestoreRefused(`${dataDir} already holds a database: choose a new data directory, or --force`);
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const temp = join(dataDir, '.hallq.sqlite.restoring');
  try {
    copyFileSync(from, temp);
    fsyncPath(temp, 'r+');
    // A WAL left from the replaced database would be read as this one's.
    for (const stale of [`${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(stale, { force: true });
    renameSync(temp, path);
    fsyncPath(dataDir, 'r');
  } finally {
    rmSync(temp, { force: true });
  }
  const keysDir = `${dataDir.replace(/[\\/]+$/, '')}-keys`;
  const keysPresent = KEY_NAMES.every((name) => existsSync(join(keysDir, `${name}.key`)));
  return { path, userVersion, keysDir, keysPresent };
}
