import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import { HallConfig } from '@hallq/shared/contracts';
import type { SettingsChange } from '@hallq/shared/domain';
import type { HallDatabase } from '../db/open-database';
import { readJson, readRow } from './stored-row';

/** The form a settings version is stored in: the hall as parsed, with no password or key. */
export const SETTINGS_SHAPE = 1;

export type SettingsSource = 'file' | 'console' | 'rollback' | 'import';

export interface SettingsVersion {
  version: number;
  at: string;
  actor: string;
  source: SettingsSource;
  changes: SettingsChange[];
  fileDigest: string | null;
  rolledBackTo: number | null;
}

export interface StoredCredential {
  hash: string;
  mustChange: boolean;
  fileHash: string | null;
}

export type CredentialKind = 'staff' | 'device';

const VersionRow = z.object({
  version: z.number().int(),
  at: z.string(),
  actor: z.string(),
  source: z.enum(['file', 'console', 'rollback', 'import']),
  changes: z.string(),
  fileDigest: z.string().nullable(),
  rolledBackTo: z.number().int().nullable(),
});
const Change = z.object({
  section: z.string(),
  key: z.string().nullable(),
  kind: z.enum(['added', 'removed', 'changed']),
  fields: z.array(z.string()),
});
const VERSION_COLUMNS = `version, at, actor, source, changes, file_digest AS fileDigest, rolled_back_to AS rolledBackTo`;

/**
 * Reads a stored hall through the schema of today, which fills what an older form left out with its default. A form a
 * later server wrote (a newer `shape`) is refused: going back a version keeps the database as it is (the README).
 */
function upgradeStored(shape: number, json: string, version: number): HallConfig {
  if (shape > SETTINGS_SHAPE)
    throw new Error(`settings version ${version} was stored by a newer server (shape ${shape}): upgrade the server`);
  return readJson(HallConfig, json, `settings version ${version}`);
}

/** The SQL of the settings versions and of the credentials kept apart from them. */
export class SettingsStore {
  private readonly s: Record<string, Statement>;

  constructor(db: HallDatabase['write']) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insert: p(
        `INSERT INTO hall_settings (version, at, actor, source, changes, shape, config, file_digest, rolled_back_to)
         VALUES (@version, @at, @actor, @source, @changes, @shape, @config, @fileDigest, @rolledBackTo)`,
      ),
      latest: p(`SELECT ${VERSION_COLUMNS}, shape, config FROM hall_settings ORDER BY version DESC LIMIT 1`),
      one: p(`SELECT ${VERSION_COLUMNS}, shape, config FROM hall_settings WHERE version = ?`),
      lastFile: p(
        "SELECT file_digest AS fileDigest FROM hall_settings WHERE source = 'file' ORDER BY version DESC LIMIT 1",
      ),
      history: p(`SELECT ${VERSION_COLUMNS} FROM hall_settings ORDER BY version DESC LIMIT ?`),
      credential: p(
        'SELECT hash, must_change AS mustChange, file_hash AS fileHash FROM credentials WHERE kind = ? AND id = ?',
      ),
      credentials: p('SELECT id, hash FROM credentials WHERE kind = ?'),
      credentialIds: p('SELECT id, must_change AS mustChange FROM credentials WHERE kind = ?'),
      putCredential: p(
        `INSERT INTO credentials (kind, id, hash, must_change, file_hash, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, id) DO UPDATE SET hash = excluded.hash, must_change = excluded.must_change,
           file_hash = excluded.file_hash, updated_at = excluded.updated_at`,
      ),
      dropCredential: p('DELETE FROM credentials WHERE kind = ? AND id = ?'),
    };
  }

  insert(v: SettingsVersion, hall: HallConfig): void {
    this.s.insert!.run({
      ...v,
      changes: JSON.stringify(v.changes),
      shape: SETTINGS_SHAPE,
      config: JSON.stringify(hall),
    });
  }

  /** The newest version and its hall, or undefined before the first start. */
  latest(): { version: SettingsVersion; hall: HallConfig } | undefined {
    const row = this.s.latest!.get() as (z.input<typeof VersionRow> & { shape: number; config: string }) | undefined;
    if (!row) return undefined;
    return { version: this.versionOf(row), hall: upgradeStored(row.shape, row.config, row.version) };
  }

  /** One version, however old, with its hall. */
  at(version: number): { version: SettingsVersion; hall: HallConfig } | undefined {
    const row = this.s.one!.get(version) as
      (z.input<typeof VersionRow> & { shape: number; config: string }) | undefined;
    if (!row) return undefined;
    return { version: this.versionOf(row), hall: upgradeStored(row.shape, row.config, row.version) };
  }

  /** The digest of the hall file the newest file version was read from. */
  lastFileDigest(): string | undefined {
    return (this.s.lastFile!.get() as { fileDigest: string } | undefined)?.fileDigest;
  }

  history(limit: number): SettingsVersion[] {
    return (this.s.history!.all(limit) as unknown[]).map((r) => this.versionOf(r));
  }

  credential(kind: CredentialKind, id: string): StoredCredential | undefined {
    const row = this.s.credential!.get(kind, id) as
      { hash: string; mustChange: number; fileHash: string | null } | undefined;
    return row && { hash: row.hash, mustChange: row.mustChange === 1, fileHash: row.fileHash };
  }

  /** Every key hash of the devices, by device id. */
  deviceKeys(): Map<string, string> {
    return new Map((this.s.credentials!.all('device') as { id: string; hash: string }[]).map((r) => [r.id, r.hash]));
  }

  /** Who has a credential, and who must change theirs: the console shows it, never the hash. */
  credentialStatus(kind: CredentialKind): Map<string, { mustChange: boolean }> {
    return new Map(
      (this.s.credentialIds!.all(kind) as { id: string; mustChange: number }[]).map((r) => [
        r.id,
        { mustChange: r.mustChange === 1 },
      ]),
    );
  }

  putCredential(kind: CredentialKind, id: string, c: StoredCredential, at: string): void {
    this.s.putCredential!.run(kind, id, c.hash, c.mustChange ? 1 : 0, c.fileHash, at);
  }

  dropCredential(kind: CredentialKind, id: string): void {
    this.s.dropCredential!.run(kind, id);
  }

  private versionOf(row: unknown): SettingsVersion {
    const r = readRow(VersionRow, row, 'settings version');
    return {
      ...r,
      changes: readJson(z.array(Change), r.changes, `changes of settings version ${r.version}`) as SettingsChange[],
    };
  }
}
