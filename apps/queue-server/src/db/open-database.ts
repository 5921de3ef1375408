import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer';
import { migrate } from './migrate';

export interface HallDatabase {
  /** The one connection that writes; every write goes through a transaction on it. */
  write: Database.Database;
  /** A read-only connection for queries that need not see a write in progress (WAL gives it the last commit). */
  read: Database.Database;
  path: string;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the hall's database. WAL with synchronous=FULL: a commit is on disk before it returns, so an
 * acknowledged write survives kill -9 and a power cut. A worker thread checkpoints the WAL.
 */
export function openDatabase(dataDir: string): HallDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'hallq.sqlite');
  const write = new Database(path);
  write.pragma('journal_mode = WAL');
  write.pragma('synchronous = FULL');
  write.pragma('foreign_keys = ON');
  write.pragma('busy_timeout = 5000');
  // The checkpointer thread does this work; the writer's own automatic checkpoint stays only as a safety net.
  write.pragma('wal_autocheckpoint = 20000');
  migrate(write);
  const read = new Database(path, { readonly: true });
  read.pragma('busy_timeout = 5000');
  const checkpointer = startCheckpointer(path);
  return {
    write,
    read,
    path,
    async close() {
      await checkpointer.stop();
      read.close();
      // Fold the WAL back into the main file so a clean stop leaves one file.
      write.pragma('wal_checkpoint(TRUNCATE)');
      write.close();
    },
  };
}
