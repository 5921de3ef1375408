import type { FieldError } from '@hallq/shared/contracts';
import type { SettingsSection } from '@hallq/shared/domain';
import { createI18n, settingsMessages } from '@hallq/shared/i18n';
import { useCallback } from 'react';
import { ownDepartment } from '../../store/slices/scope/selectors';
import { isEdited, sectionErrors, sectionValue } from '../../store/slices/settings/selectors';
import type { SectionValues } from '../../store/slices/settings/state';
import { useActions, useManager } from '../manager-context';

/** The settings tab's words, in Chinese like the rest of the console. */
export const st = createI18n({ settings: settingsMessages }).getFixedT('zh', 'settings');

export interface SectionEditor<S extends SettingsSection> {
  value: SectionValues[S];
  edit(value: SectionValues[S]): void;
  edited: boolean;
  errors: readonly FieldError[];
}

/** A section as shown (its draft or the server's), and how to edit it. Null until the settings are read. */
export function useSection<S extends SettingsSection>(section: S): SectionEditor<S> | null {
  const value = useManager((s) => sectionValue(s, section));
  const edited = useManager((s) => isEdited(s, section));
  const errors = useManager((s) => sectionErrors(s, section));
  const { editSection } = useActions();
  const edit = useCallback((next: SectionValues[S]) => editSection(section, next), [editSection, section]);
  if (value === null) return null;
  return { value, edit, edited, errors };
}

/**
 * Which entries this session may change: all for the manager; a chief representative only their own department's
 * (the server refuses the rest).
 */
export function useOwnDepartmentOnly(): { chief: boolean; own: string | null; mayChange(department: string): boolean } {
  const chief = useManager((s) => s.session?.staff.role === 'chief_representative');
  const own = useManager(ownDepartment);
  return { chief, own, mayChange: (department) => !chief || department === own };
}

/** A list with entry `i` replaced. */
export const replaceAt = <T>(list: readonly T[], i: number, entry: T): T[] => list.map((e, j) => (j === i ? entry : e));
export const removeAt = <T>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);
/** A list with entries `i` and `i + by` swapped (a move up or down); unchanged at either end. */
export function moveAt<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
