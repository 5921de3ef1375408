import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';

// The build (scripts/build-server.ts) copies the folder beside dist/main.js, so this holds from the bundle too.
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** `0001-initial.sql` → version 1. Versions must run 1, 2, 3 … without gaps. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => {
      const match = /^(\d{4})-[\w-]+\.sql$/.exec(name);
      if (!match?.[1]) throw new Error(`migration file name must be NNNN-name.sql: ${name}`);
      return { version: Number(match[1]), name, sql: readFileSync(`${dir}/${name}`, 'utf8') };
    });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} should be number ${i + 1}`);
  });
  return migrations;
}

/** Applies the migrations above the database's user_version, each in its own transaction, up to `target`. */
export function migrate(db: Database, target?: number, migrations = listMigrations()): number {
  const last = target ?? migrations.length;
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > migrations.length) {
    throw new Error(`database is at version ${version}, newer than this server (${migrations.length})`);
  }
  for (const m of migrations) {
    if (m.version <= version || m.version > last) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    version = m.version;
  }
  return version;
}
