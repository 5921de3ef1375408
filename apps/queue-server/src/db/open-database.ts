import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer';
import { loadInstallationKeys, type InstallationKeys } from './installation-keys';
import { migrate } from './migrate';
import { StorageWatch } from './storage';
import type { HallLog } from '../log/logger';

export interface HallDatabase {
  /** The one connection that writes; every write goes through a transaction on it. */
  write: Database.Database;
  /** A read-only connection for queries that need not see a write in progress (WAL gives it the last commit). */
  read: Database.Database;
  path: string;
  /** The keys of the hashes this database keeps, from files outside it. */
  keys: InstallationKeys;
  /** Storage failures of writes, for health and for answering 503 rather than 500. */
  storage: StorageWatch;
  /**
   * After a commit that erased personal data: the WAL still holds the pages as they were before, so it is checkpointed
   * and emptied soon after (secure_delete only clears the database file's own free space).
   */
  truncateWal(): void;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** Where the installation's keys live: apart from the data, and backed up apart (default: `<dataDir>-keys`). */
  keysDir?: string;
  /** After a checkpoint the WAL is cut back to this size, so a busy day cannot fill a small disk with it. */
  walLimitBytes?: number;
  checkpointIntervalMs?: number;
  /** Free space below which health says the hall cannot write. */
  minFreeBytes?: number;
  /** Where the checkpointer's failures go (stderr when not under a server). */
  log?: HallLog;
}

/** Generous for a day's bursts (a WAL grows between checkpoints), small beside any disk a hall server has. */
const WAL_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Opens (and migrates) the hall's database. WAL with synchronous=FULL: a commit is on disk before it returns, so an
 * acknowledged write survives kill -9 and a power cut. A worker thread checkpoints the WAL.
 */
export function openDatabase(dataDir: string, options: DatabaseOptions = {}): HallDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'hallq.sqlite');
  const write = new Database(path);
  write.pragma('journal_mode = WAL');
  write.pragma('synchronous = FULL');
  write.pragma('foreign_keys = ON');
  write.pragma('busy_timeout = 5000');
  // The checkpointer thread does this work; the writer's own automatic checkpoint stays only as a safety net.
  write.pragma('wal_autocheckpoint = 20000');
  // Without a limit the WAL file keeps the size of the largest burst between checkpoints, for good.
  write.pragma(`journal_size_limit = ${options.walLimitBytes ?? WAL_LIMIT_BYTES}`);
  // Erased personal data (a notice's phone number, a used pickup code) is overwritten, not left in free pages.
  write.pragma('secure_delete = ON');
  migrate(write);
  const keys = loadInstallationKeys(write, options.keysDir ?? `${dataDir.replace(/[\\/]+$/, '')}-keys`);
  const read = new Database(path, { readonly: true });
  read.pragma('busy_timeout = 5000');
  const checkpointer = startCheckpointer(path, options.checkpointIntervalMs, options.log);
  return {
    write,
    read,
    path,
    keys,
    storage: new StorageWatch(path, options.minFreeBytes),
    truncateWal: () => checkpointer.truncate(),
    async close() {
      await checkpointer.stop();
      read.close();
      // Fold the WAL back into the main file so a clean stop leaves one file.
      write.pragma('wal_checkpoint(TRUNCATE)');
      write.close();
    },
  };
}
