import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listBackups } from './backup-database';
import { NightlyBackup, backupFolder, nextBackupAt } from './nightly-backup';

const SHANGHAI = 'Asia/Shanghai';

describe('nextBackupAt', () => {
  it('is tonight’s hour, hall time, when it is still ahead', () => {
    // 01:00 in Shanghai on 6 December; 02:00 there is 18:00 UTC the day before.
    expect(nextBackupAt(new Date('2026-12-05T17:00:00Z'), '02:00', SHANGHAI)).toEqual(new Date('2026-12-05T18:00:00Z'));
  });

  it('is tomorrow’s once the hour has come', () => {
    expect(nextBackupAt(new Date('2026-12-05T18:00:00Z'), '02:00', SHANGHAI)).toEqual(new Date('2026-12-06T18:00:00Z'));
  });
});

describe('backupFolder', () => {
  it('takes a relative folder from beside the data directory, and an absolute one as it is', () => {
    expect(backupFolder('backups', '/srv/hallq/data')).toBe('/srv/hallq/backups');
    expect(backupFolder('/mnt/usb/hallq', '/srv/hallq/data')).toBe('/mnt/usb/hallq');
  });
});

describe('NightlyBackup', () => {
  const opened: Database.Database[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
    vi.restoreAllMocks();
  });

  /** A database, and a nightly backup at 02:00 Shanghai into `folder` (beside its data dir), on a clock we move. */
  function nightly(folder = 'backups') {
    const root = mkdtempSync(join(tmpdir(), 'hallq-nightly-'));
    const db = new Database(join(root, 'hallq.sqlite'));
    opened.push(db);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    let now = new Date('2026-12-05T17:00:00Z');
    const options = {
      db,
      config: { folder, keep: 2, at: '02:00' },
      dataDir: join(root, 'data'),
      timeZone: SHANGHAI,
      clock: () => now,
    };
    return {
      root,
      backup: new NightlyBackup(options),
      setNow: (iso: string) => (now = new Date(iso)),
      restarted: () => new NightlyBackup(options),
    };
  }

  it('takes nothing before the hour, one backup once it has come, and no second one that night', async () => {
    const { root, backup, setNow } = nightly();
    await backup.tick();
    expect(backup.status()).toEqual({ lastAt: null, failure: null });

    setNow('2026-12-05T18:00:30Z');
    await backup.tick();
    expect(listBackups(join(root, 'backups'))).toEqual(['hallq-20261205-180030.sqlite']);
    expect(backup.status()).toEqual({ lastAt: '2026-12-05T18:00:30.000Z', failure: null });

    setNow('2026-12-05T23:00:00Z');
    await backup.tick();
    expect(listBackups(join(root, 'backups'))).toHaveLength(1);
  });

  it('keeps the configured number of nights', async () => {
    const { root, backup, setNow } = nightly();
    for (const day of ['05', '06', '07']) {
      setNow(`2026-12-${day}T18:00:00Z`);
      await backup.tick();
    }
    expect(listBackups(join(root, 'backups'))).toEqual([
      'hallq-20261207-180000.sqlite',
      'hallq-20261206-180000.sqlite',
    ]);
  });

  it('logs a failure without stopping, shows its code, and clears it when the next night succeeds', async () => {
    const { root, backup, setNow } = nightly();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // A file where the folder should be: the disk refuses.
    writeFileSync(join(root, 'backups'), 'not a folder');
    setNow('2026-12-05T18:00:00Z');
    await backup.tick();
    expect(backup.status()).toEqual({ lastAt: null, failure: { at: '2026-12-05T18:00:00.000Z', code: 'EEXIST' } });
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^backup: the nightly backup into .* failed/));

    rmSync(join(root, 'backups'));
    setNow('2026-12-06T18:00:00Z');
    await backup.tick();
    expect(backup.status()).toEqual({ lastAt: '2026-12-06T18:00:00.000Z', failure: null });
  });

  it('tells the last backup in its folder after a restart', async () => {
    const { backup, setNow, restarted } = nightly();
    expect(restarted().status().lastAt).toBeNull();
    setNow('2026-12-05T18:00:07Z');
    await backup.tick();
    expect(restarted().status()).toEqual({ lastAt: '2026-12-05T18:00:07.000Z', failure: null });
  });

  it('lets a backup in progress finish before stop resolves', async () => {
    const { root, backup, setNow } = nightly();
    setNow('2026-12-05T18:00:00Z');
    void backup.tick();
    await backup.stop();
    expect(listBackups(join(root, 'backups'))).toHaveLength(1);
  });
});
