import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';

/** The installation's keys: each keys a hash the database keeps (an ID number's, a pickup code's). */
export const KEY_NAMES = ['id_number_hmac', 'pickup_code_hmac'] as const;
export type KeyName = (typeof KEY_NAMES)[number];
export type InstallationKeys = Record<KeyName, Buffer>;

const KEY_BYTES = 32;

/** Writes a key file whole or not at all, readable by the server's user only, on disk before it is used. */
function writeKeyFile(path: string, key: Buffer): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, key.toString('hex') + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  // The rename itself on disk too: the database forgets its copy right after.
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

function readKeyFile(path: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!/^(?:[0-9a-f]{2}){32,}$/.test(text)) throw new Error(`${path}: not a key file (expected hex of 32+ bytes)`);
  return Buffer.from(text, 'hex');
}

/**
 * The keys of this installation, from files in `keysDir` — never in the database they key. A key the hashes in the
 * database could be checked against, kept beside them, would let anyone with the file alone try every ID number
 * (about 10^10, in seconds). Databases from before kept the keys in `installation_secrets`: such a key is written to
 * its file first, then erased from the database (secure_delete is on), so bookings made before are still found.
 * A missing key with nothing to move is made anew: hashes made under a lost key no longer match (codes still work).
 */
export function loadInstallationKeys(db: Database.Database, keysDir: string): InstallationKeys {
  mkdirSync(keysDir, { recursive: true, mode: 0o700 });
  const stored = db.prepare('SELECT name, secret FROM installation_secrets').all() as {
    name: string;
    secret: Buffer;
  }[];
  const keys = {} as InstallationKeys;
  for (const name of KEY_NAMES) {
    const path = join(keysDir, `${name}.key`);
    // The database's own copy wins: its hashes were made under it.
    const moved = stored.find((s) => s.name === name)?.secret;
    let key = moved ?? readKeyFile(path);
    if (moved !== undefined || key === null) {
      key ??= randomBytes(KEY_BYTES);
      writeKeyFile(path, key);
    }
    keys[name] = key;
  }
  // Only once every key is safely in its file does the database forget its copy.
  if (stored.length > 0) db.prepare('DELETE FROM installation_secrets').run();
  return keys;
}
