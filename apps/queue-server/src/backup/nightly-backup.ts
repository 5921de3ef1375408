import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupHealth, HallConfig } from '@hallq/shared/contracts';
import { addDays, hallDay, zonedDateTime } from '@hallq/shared/domain';
import { backupDatabase, backupTakenAt, listBackups } from './backup-database';

/** The first `at` (HH:MM in the hall's time zone) after `now`. */
export function nextBackupAt(now: Date, at: string, timeZone: string): Date {
  const day = hallDay(now, timeZone);
  const today = zonedDateTime(day, at, timeZone);
  return today > now ? today : zonedDateTime(addDays(day, 1), at, timeZone);
}

/** A relative folder is taken from the folder holding the data directory, so `backups` sits beside `data`. */
export function backupFolder(folder: string, dataDir: string): string {
  return resolve(dirname(resolve(dataDir)), folder);
}

/** After a restart health still tells the last backup in the folder, whoever took it; an unreadable folder, none. */
function lastBackupIn(folder: string): string | null {
  try {
    const [newest] = listBackups(folder);
    return newest === undefined ? null : backupTakenAt(newest).toISOString();
  } catch {
    return null;
  }
}

export interface NightlyBackupOptions {
  /** The writing connection: its own writes during a backup go into the copy rather than restarting it. */
  db: Database.Database;
  config: NonNullable<HallConfig['backup']>;
  dataDir: string;
  timeZone: string;
  clock: () => Date;
}

/** Between looks at the clock: the hall's clock, not a timer's length, says when a backup is due. */
const CHECK_EVERY_MS = 60_000;

/**
 * Takes a backup each night at `config.at`, hall time, while the server runs. It looks at the server's clock every
 * minute rather than sleeping until the hour, so a clock set right, a suspended machine or a test's clock are followed.
 */
export class NightlyBackup {
  private due: Date;
  private running: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private state: BackupHealth;
  readonly folder: string;

  constructor(private readonly options: NightlyBackupOptions) {
    this.folder = backupFolder(options.config.folder, options.dataDir);
    this.state = { lastAt: lastBackupIn(this.folder), failure: null };
    this.due = nextBackupAt(options.clock(), options.config.at, options.timeZone);
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), CHECK_EVERY_MS);
    // A pending look at the clock never keeps the process alive.
    this.timer.unref();
  }

  /** Takes the backup if it is due (one at a time); resolves when it is done, or at once. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    const now = this.options.clock();
    if (now < this.due) return Promise.resolve();
    this.due = nextBackupAt(now, this.options.config.at, this.options.timeZone);
    this.running = this.run(now).finally(() => (this.running = undefined));
    return this.running;
  }

  status(): BackupHealth {
    return this.state;
  }

  /** Stops the schedule and waits for a backup in progress, which needs the database open. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async run(now: Date): Promise<void> {
    try {
      await backupDatabase(this.options.db, this.folder, now, { keep: this.options.config.keep });
      this.state = { lastAt: now.toISOString(), failure: null };
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.state = {
        ...this.state,
        failure: { at: now.toISOString(), code: typeof code === 'string' ? code : 'backup_failed' },
      };
      // The hall keeps running: the next night tries again, and health shows the failure meanwhile.
      console.error(`backup: the nightly backup into ${this.folder} failed: ${(error as Error).message}`);
    }
  }
}
