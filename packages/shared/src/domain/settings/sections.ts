import type { HallConfig } from '../../config/hall-config';

/**
 * The parts of the hall the console changes, each replaced whole by one change. The rest of the hall file (its name,
 * time zone, languages, public address, the provincial upload, the backup) is the IT officer's: it changes in the file
 * and takes effect at the next start. `notices` (how texts leave the hall) is optional in the file: absent, every
 * notice waits for the window.
 */
export const SETTINGS_SECTIONS = [
  'departments',
  'windowTypes',
  'serviceItems',
  'windows',
  'staff',
  'devices',
  'calendar',
  'hours',
  'policy',
  'ratingReasons',
  'notices',
] as const satisfies readonly (keyof HallConfig)[];
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** The sections a chief representative may change, their own department's entries only (policy.chiefsEditOwnDepartment). */
export const CHIEF_SECTIONS = ['serviceItems', 'windows'] as const satisfies readonly SettingsSection[];

/** JSON with the keys of every object sorted: two settings are the same when this is. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

export const sameValue = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
