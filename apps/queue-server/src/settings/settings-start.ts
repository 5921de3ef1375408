import { createHash } from 'node:crypto';
import type { HallConfig } from '@hallq/shared/contracts';
import { canonicalJson, hallDay, settingsChanges } from '@hallq/shared/domain';
import type { HallLog } from '../log/logger';
import type { HallStore } from '../store/hall-store';
import type { SettingsVersion } from '../store/settings-store';
import { deviceIds, secretSeeds, withoutSecrets } from './secrets';

/** Who a version read from the hall file at a start is journaled as. */
export const HALL_FILE_ACTOR = 'hall-file';

/** The hall file as read (defaults filled in), secrets included: a changed password in the file changes it too. */
export function fileDigest(hall: HallConfig): string {
  return createHash('sha256').update(canonicalJson(hall)).digest('hex');
}

/**
 * The settings a server starts with. The first start takes the hall file as version 1. Later starts keep the newest
 * version (the console's changes) while the file is the one read last time; a file that changed since is read as a new
 * version over them, so an IT officer's edit to the file still takes effect, and the history shows it. The file's
 * passwords and keys seed the credentials only where the file says something new: a password its owner changed since
 * stays theirs.
 */
export function openSettings(
  store: HallStore,
  file: HallConfig,
  now: Date,
  log: HallLog,
): { hall: HallConfig; version: SettingsVersion } {
  const digest = fileDigest(file);
  const latest = store.settings.latest();
  if (latest && store.settings.lastFileDigest() === digest) return latest;
  const hall = withoutSecrets(file);
  const at = now.toISOString();
  const version: SettingsVersion = {
    version: (latest?.version.version ?? 0) + 1,
    at,
    actor: HALL_FILE_ACTOR,
    source: 'file',
    changes: latest ? settingsChanges(latest.hall, hall) : [],
    fileDigest: digest,
    rolledBackTo: null,
  };
  store.transaction(() => {
    store.settings.insert(version, hall);
    for (const seed of secretSeeds(file)) {
      const held = store.settings.credential(seed.kind, seed.id);
      if (held?.fileHash === seed.hash) continue;
      store.settings.putCredential(seed.kind, seed.id, { hash: seed.hash, mustChange: false, fileHash: seed.hash }, at);
    }
    dropOrphanCredentials(store, hall, at);
    store.journal.write({
      at,
      hallDay: hallDay(now, hall.timeZone),
      type: 'settings.changed',
      actor: HALL_FILE_ACTOR,
      data: {
        version: version.version,
        source: 'file',
        sections: [...new Set(version.changes.map((c) => c.section))],
        rolledBackTo: null,
      },
    });
  });
  if (latest) log.info(`settings: the hall file is not the one last read; read as version ${version.version}`);
  return { hall, version };
}

/**
 * Forgets the password of anyone no longer in the hall and the key of any device no longer in it, and ends the
 * sessions of people gone or disabled: a version that brings them back (a rollback) brings them back without either.
 */
export function dropOrphanCredentials(store: HallStore, hall: HallConfig, at: string): void {
  const people = new Set(hall.staff.filter((s) => !s.disabled).map((s) => s.id));
  const present = new Set(hall.staff.map((s) => s.id));
  for (const id of store.settings.credentialStatus('staff').keys()) {
    if (!people.has(id)) store.revokeSessionsOf(id, at);
    if (!present.has(id)) store.settings.dropCredential('staff', id);
  }
  const devices = deviceIds(hall);
  for (const id of store.settings.deviceKeys().keys())
    if (!devices.has(id)) store.settings.dropCredential('device', id);
}
