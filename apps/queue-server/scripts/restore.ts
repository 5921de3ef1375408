// Puts a backup in place for a server to start on: `tsx scripts/restore.ts --from <backup file> --data-dir <new dir>
// [--force]`. It refuses a data directory that holds a database (unless --force, its server stopped), a damaged
// backup, and one from a newer server. The keys are restored apart.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { RestoreRefused, restoreDatabase } from '../src/backup/restore-database';

const USAGE = 'usage: tsx scripts/restore.ts --from <backup file> --data-dir <dir> [--force]';

try {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, 'data-dir': { type: 'string' }, force: { type: 'boolean' } },
    strict: true,
  });
  if (values.from === undefined || values['data-dir'] === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  // Relative paths are the user's: pnpm runs this script from the package folder but keeps theirs in INIT_CWD.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const result = restoreDatabase({
    from: resolve(cwd, values.from),
    dataDir: resolve(cwd, values['data-dir']),
    force: values.force ?? false,
  });
  console.log(`restored: ${result.path} (schema version ${result.userVersion}; the server migrates it as it starts)`);
  console.log(
    `The keys are not in a backup: copy the keys folder backed up apart (on its own medium or in the office's safe,` +
      ` README: Personal data and keys) to ${result.keysDir}, or start the server with --keys-dir <that folder>.`,
  );
  console.log(
    result.keysPresent
      ? `${result.keysDir} already holds key files: make sure they are this hall's.`
      : `${result.keysDir} holds no keys yet. Started without them, the server makes new ones and ID-card check-in no` +
          ` longer finds the bookings made before (booking codes still work).`,
  );
} catch (error) {
  if (error instanceof RestoreRefused) console.error(`restore refused: ${error.message}`);
  else console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
