// An online backup of a hall's database, the server running or not: `tsx scripts/backup.ts --data-dir <dir> --to
// <folder> [--keep N]`. It opens its own connection; the server's writes go on meanwhile. The keys are not in it.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { DEFAULT_KEEP, backupDatabase } from '../src/backup/backup-database';

const USAGE = 'usage: tsx scripts/backup.ts --data-dir <dir> --to <folder> [--keep N]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, to: { type: 'string' }, keep: { type: 'string' } },
    strict: true,
  });
  if (values['data-dir'] === undefined || values.to === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  const keep = values.keep === undefined ? DEFAULT_KEEP : Number(values.keep);
  // Relative paths are the user's: pnpm runs this script from the package folder but keeps theirs in INIT_CWD.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dataDir = resolve(cwd, values['data-dir']);
  // Not read-only: such a connection, the server stopped, would leave a -wal and -shm of its own user behind, which a
  // server running as another user could not open; this one writes nothing, and the last to close removes them.
  const db = new Database(join(dataDir, 'hallq.sqlite'), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Another connection's write restarts a stepped copy; one step holds only a WAL snapshot, which no writer waits for.
    const result = await backupDatabase(db, resolve(cwd, values.to), new Date(), { keep, pagesPerStep: 'all' });
    console.log(`backup: ${result.path} (${result.pages} pages, integrity checked)`);
    for (const name of result.pruned) console.log(`deleted the older backup ${name} (keeping ${keep})`);
  } finally {
    db.close();
  }
  console.log(`The keys are not in it: back up ${dataDir}-keys apart from the data (README, Personal data and keys).`);
}

main().catch((error: unknown) => {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
