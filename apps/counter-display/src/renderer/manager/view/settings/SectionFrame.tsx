import type { FieldError } from '@hallq/shared/contracts';
import type { SettingsSection } from '@hallq/shared/domain';
import type { ReactNode } from 'react';
import { errorsOutsideRows, pathParts } from '../../store/slices/settings/selectors';
import { useActions, useManager } from '../manager-context';
import { AddButton, type EntryEditor, EntryRows, entryEditors } from './entries';
import { st } from './settings-context';

/** `windows[2].serves[0]` in words: 窗口 · 第 3 行 · serves · 第 1 项. */
export function pathWords(path: string): string {
  return pathParts(path)
    .map((part, i) =>
      typeof part === 'number'
        ? st(i === 1 ? 'path.row' : 'path.item', { row: part + 1 })
        : i === 0 && st(`section.${part}`, { defaultValue: '' })
          ? st(`section.${part}`)
          : part,
    )
    .join(' · ');
}

/** A refusal's errors, each after the place it names in words. */
export function ProblemList({ problems }: { problems: readonly FieldError[] }) {
  return (
    <ul>
      {problems.map((f) => (
        <li key={`${f.path}:${f.message}`}>
          {f.path ? `${pathWords(f.path)}：` : ''}
          {f.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * A section of the settings: its title, its Save (disabled while nothing changed) and Discard, the refusal's errors
 * that no row shows (the section as a whole, or another section the change would break), then its rows.
 */
export function SectionFrame(props: {
  section: SettingsSection;
  edited: boolean;
  errors: readonly FieldError[];
  /** The paths of the rows shown, whose errors they show themselves. */
  rows: readonly string[];
  /** Shown left of Save (an add button, a download). */
  tools?: ReactNode;
  /** A field the page itself finds unreadable (JSON typed): Save stays off until it is fixed. */
  unreadable?: boolean;
  children: ReactNode;
}) {
  const saving = useManager((s) => s.settingsSaving);
  const { saveSection, discardSection } = useActions();
  const outside = errorsOutsideRows(props.errors, props.rows);
  return (
    <section className="set-section" data-testid={`settings-section-${props.section}`} aria-labelledby="set-title">
      <div className="set-section-head">
        <h2 id="set-title">{st(`section.${props.section}`)}</h2>
        <div className="set-section-tools">
          {props.tools}
          <button
            type="button"
            className="secondary"
            disabled={!props.edited || saving !== null}
            onClick={() => discardSection(props.section)}
          >
            {st('discard')}
          </button>
          <button
            type="button"
            data-testid={`settings-save-${props.section}`}
            disabled={!props.edited || saving !== null || props.unreadable === true}
            onClick={() => void saveSection(props.section)}
          >
            {saving === props.section ? st('saving') : st('save')}
          </button>
        </div>
      </div>
      {props.errors.length > 0 && (
        <div className="set-problems" role="alert" data-testid="settings-problems">
          <p>{st('problem.count', { count: props.errors.length })}</p>
          {outside.length > 0 && <ProblemList problems={outside} />}
        </div>
      )}
      {props.children}
    </section>
  );
}

/** A section being edited whose value is a list. */
export interface ListEditor<T> {
  value: readonly T[];
  edit(value: T[]): void;
  edited: boolean;
  errors: readonly FieldError[];
}

/**
 * A section that is one list, a row an entry (`windows[2]`), its add button last among the tools; `children` draws
 * each row from its editor.
 */
export function ListSection<T>(props: {
  section: SettingsSection;
  editor: ListEditor<T>;
  add: { label: string; testId?: string; onClick(): void };
  /** Shown before the add button (a count). */
  tools?: ReactNode;
  /** Shown above the rows (why a credential call failed). */
  notice?: ReactNode;
  children(row: EntryEditor<T>): ReactNode;
}) {
  const { section, editor } = props;
  const rows = entryEditors(editor.value, section, editor.errors, editor.edit);
  return (
    <SectionFrame
      section={section}
      edited={editor.edited}
      errors={editor.errors}
      rows={rows.map((row) => row.at)}
      tools={
        <>
          {props.tools}
          <AddButton {...props.add} />
        </>
      }
    >
      {props.notice}
      <EntryRows rows={rows}>{props.children}</EntryRows>
    </SectionFrame>
  );
}
