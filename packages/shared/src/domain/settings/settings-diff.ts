import type { HallConfig } from '../../config/hall-config';
import { SETTINGS_SECTIONS, type SettingsSection, canonicalJson, sameValue } from './sections';

/** One entry of a section added, removed or changed (with the fields that changed); `key` null for a whole section. */
export interface SettingsChange {
  section: SettingsSection;
  key: string | null;
  kind: 'added' | 'removed' | 'changed';
  fields: string[];
}

type Keyed = Record<string, unknown>;

/** How the entries of each list section are told apart: what a change is "of". */
const KEYS: Partial<Record<SettingsSection, (entry: Keyed) => string>> = {
  departments: (e) => String(e.code),
  windowTypes: (e) => String(e.code),
  serviceItems: (e) => String(e.code),
  windows: (e) => String(e.number),
  staff: (e) => String(e.id),
  ratingReasons: (e) => String(e.code),
};

function changedFields(before: Keyed, after: Keyed): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter((f) => !sameValue(before[f], after[f])).sort();
}

function listChanges(
  section: SettingsSection,
  before: Keyed[],
  after: Keyed[],
  keyOf: (e: Keyed) => string,
  prefix = '',
): SettingsChange[] {
  const old = new Map(before.map((e) => [keyOf(e), e]));
  const next = new Map(after.map((e) => [keyOf(e), e]));
  const changes: SettingsChange[] = [];
  for (const [key, entry] of next) {
    const was = old.get(key);
    if (!was) changes.push({ section, key: prefix + key, kind: 'added', fields: [] });
    else if (!sameValue(was, entry))
      changes.push({ section, key: prefix + key, kind: 'changed', fields: changedFields(was, entry) });
  }
  for (const key of old.keys())
    if (!next.has(key)) changes.push({ section, key: prefix + key, kind: 'removed', fields: [] });
  // An order changed with nothing else (the windows' order on the display, say) is a change of the whole list.
  if (changes.length === 0 && canonicalJson(before) !== canonicalJson(after))
    changes.push({ section, key: null, kind: 'changed', fields: ['order'] });
  return changes;
}

/**
 * What changed from one hall to the next, section by section and entry by entry: the history's lines, the preview of
 * an import, and what a chief representative's change touches.
 */
export function settingsChanges(before: HallConfig, after: HallConfig): SettingsChange[] {
  return SETTINGS_SECTIONS.flatMap((section): SettingsChange[] => {
    const a = before[section] as unknown;
    const b = after[section] as unknown;
    if (sameValue(a, b)) return [];
    const keyOf = KEYS[section];
    if (keyOf) return listChanges(section, a as Keyed[], b as Keyed[], keyOf);
    if (section === 'devices') {
      const kinds = ['kiosks', 'displays', 'lockers'] as const;
      return kinds.flatMap((kind) =>
        listChanges(
          section,
          before.devices[kind] as Keyed[],
          after.devices[kind] as Keyed[],
          (e) => String(e.id),
          `${kind}:`,
        ),
      );
    }
    // An optional section (notices) set for the first time, or taken out of the file.
    if (a === undefined) return [{ section, key: null, kind: 'added', fields: [] }];
    if (b === undefined) return [{ section, key: null, kind: 'removed', fields: [] }];
    return [{ section, key: null, kind: 'changed', fields: changedFields(a as Keyed, b as Keyed) }];
  });
}

/** The sections a list of changes touches, in the console's order. */
export function changedSections(changes: SettingsChange[]): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => changes.some((c) => c.section === s));
}
