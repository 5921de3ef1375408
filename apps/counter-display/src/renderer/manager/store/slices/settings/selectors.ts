import {
  type FieldError,
  type HallConfig,
  type LocalizedText,
  NoticesConfig,
  type SettingsView,
} from '@hallq/shared/contracts';
import type { SettingsSection } from '@hallq/shared/domain';
import type { ManagerState } from '../../types';
import type { SectionValues } from './state';

/** The manager edits settings; a chief representative once the server let this session read them. */
export function mayEditSettings(state: ManagerState): boolean {
  const session = state.session;
  if (!session) return false;
  if (session.staff.role === 'manager') return true;
  return state.settingsAccess?.token === session.token && state.settingsAccess.allowed;
}

/** What an optional section is when the hall file has none: `notices` absent, every notice waits for the window. */
const ABSENT: { [S in SettingsSection]?: SectionValues[S] } = { notices: NoticesConfig.parse({}) };

/** The section as the server has it (its defaults where the hall has none). */
export function savedSection<S extends SettingsSection>(view: SettingsView, section: S): SectionValues[S] {
  return (view.hall[section] ?? ABSENT[section]) as SectionValues[S];
}

/** The section as the page shows it: its draft when edited, else as the server has it. */
export function sectionValue<S extends SettingsSection>(state: ManagerState, section: S): SectionValues[S] | null {
  const draft = state.settingsDrafts[section] as SectionValues[S] | undefined;
  const view = state.settingsView;
  return draft ?? (view ? savedSection(view, section) : null);
}

export const isEdited = (state: ManagerState, section: SettingsSection): boolean =>
  state.settingsDrafts[section] !== undefined;

/** One empty list, so a selector answering "no errors" answers the same each time (and nothing re-renders). */
const NO_ERRORS: readonly FieldError[] = [];

/** The field errors of the last refusal of `section` (a rollback's or an import's belong to no section). */
export function sectionErrors(state: ManagerState, section: SettingsSection): readonly FieldError[] {
  const refusal = state.settingsRefusal;
  return refusal && refusal.section === section ? refusal.fields : NO_ERRORS;
}

/** `windows[2].serves[0]` as its parts: `['windows', 2, 'serves', 0]`. */
export function pathParts(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

/** Whether `path` is `at` or lies inside it (`windows[2].serves[0]` lies inside `windows[2].serves`). */
export function pathWithin(path: string, at: string): boolean {
  return path === at || path.startsWith(`${at}.`) || path.startsWith(`${at}[`);
}

/** The messages of the errors at `at` or inside it: what a field shows beside itself. */
export function errorsAt(fields: readonly FieldError[], at: string): string[] {
  return fields.filter((f) => pathWithin(f.path, at)).map((f) => f.message);
}

/** The errors no row of the section shows: about the section as a whole, or about another section it broke. */
export function errorsOutsideRows(fields: readonly FieldError[], rows: readonly string[]): FieldError[] {
  return fields.filter((f) => !rows.some((row) => pathWithin(f.path, row)));
}

/** The languages a material or name is edited in, Chinese first (it is required; the others fall back to it). */
export const TEXT_LANGUAGES = ['zh', 'bo', 'en'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** One material a line, in one language (a missing translation is an empty line, so the lines stay aligned). */
export function materialLines(materials: readonly LocalizedText[], language: TextLanguage): string {
  return materials.map((m) => m[language] ?? '').join('\n');
}

/**
 * The materials from one text a language, line by line: the Chinese lines are the materials; the Tibetan and English
 * lines at the same place are their translations (blank: none).
 */
export function materialsFromLines(lines: Record<TextLanguage, string>): LocalizedText[] {
  const split = (text: string) => text.split('\n').map((l) => l.trim());
  const zh = split(lines.zh);
  const bo = split(lines.bo);
  const en = split(lines.en);
  return zh.flatMap((name, i) => {
    if (name === '') return [];
    const text: LocalizedText = { zh: name };
    if (bo[i]) text.bo = bo[i];
    if (en[i]) text.en = en[i];
    return [text];
  });
}

/** A text with one language changed; an emptied translation is dropped (it falls back to Chinese). */
export function withText(text: LocalizedText, language: TextLanguage, value: string): LocalizedText {
  const next: LocalizedText = { ...text };
  if (language === 'zh' || value !== '') next[language] = value;
  else delete next[language];
  return next;
}

/** Numbers typed as `1, 2 3`: the list, or null when a part is not a positive whole number. */
export function numberList(text: string): number[] | null {
  const parts = text.split(/[\s,，、]+/).filter((p) => p !== '');
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n) && n > 0) ? numbers : null;
}

export const wordList = (text: string): string[] => text.split(/[\s,，、]+/).filter((p) => p !== '');

/** The next free window number: one past the highest. */
export const nextWindowNumber = (windows: HallConfig['windows']): number =>
  windows.reduce((top, w) => Math.max(top, w.number), 0) + 1;
