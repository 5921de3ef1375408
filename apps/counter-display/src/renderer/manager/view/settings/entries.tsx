import type { FieldError } from '@hallq/shared/contracts';
import { Fragment, type ReactNode } from 'react';
import { removeAt, replaceAt, st } from './settings-context';

/** What a field of an entry takes from it: its path in the hall, the errors, its value and how to change it. */
export interface BoundField<V> {
  at: string;
  errors: readonly FieldError[];
  value: V;
  onChange(value: V): void;
}

/** One entry of a list being edited: where it stands in the hall (`windows[2]`) and how to change or remove it. */
export interface EntryEditor<T> {
  entry: T;
  index: number;
  at: string;
  errors: readonly FieldError[];
  replace(next: T): void;
  set<K extends keyof T>(key: K, value: T[K]): void;
  /** Several keys at once (a kind and what goes with it). */
  merge(next: Partial<T>): void;
  remove(): void;
  /** The props of the field that edits `key`: `<TextField label=… {...row.field('zone')} />`. */
  field<K extends keyof T & string>(key: K): BoundField<T[K]>;
}

/** A list's entries as editors, the list at `path` (`windows`, `devices.kiosks`) handed on whole on every change. */
export function entryEditors<T>(
  list: readonly T[],
  path: string,
  errors: readonly FieldError[],
  onChange: (list: T[]) => void,
): EntryEditor<T>[] {
  return list.map((entry, i) => {
    const at = `${path}[${i}]`;
    const replace = (next: T) => onChange(replaceAt(list, i, next));
    const merge = (next: Partial<T>) => replace({ ...entry, ...next });
    const set = <K extends keyof T>(key: K, value: T[K]) => replace({ ...entry, [key]: value });
    const field = <K extends keyof T & string>(key: K): BoundField<T[K]> => ({
      at: `${at}.${key}`,
      errors,
      value: entry[key],
      onChange: (value: T[K]) => set(key, value),
    });
    return { entry, index: i, at, errors, replace, set, merge, remove: () => onChange(removeAt(list, i)), field };
  });
}

/** An entry's row: its fields, and its actions at the end; read-only when not the session's to change. */
export function Row(props: {
  row: { at: string; errors: readonly FieldError[] };
  readOnly?: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { at, errors } = props.row;
  return (
    <fieldset className="set-row" disabled={props.readOnly} data-testid={`settings-row-${at}`}>
      <div className="set-row-fields">{props.children}</div>
      {props.actions && <div className="set-row-actions">{props.actions}</div>}
      {props.readOnly && <span className="set-readonly">{st('readOnly')}</span>}
      {errors
        .filter((f) => f.path === at)
        .map((f) => (
          <span key={f.message} className="set-field-error" role="alert">
            {f.message}
          </span>
        ))}
    </fieldset>
  );
}

export function AddButton(props: { label: string; testId?: string; onClick(): void }) {
  return (
    <button type="button" className="secondary" data-testid={props.testId} onClick={props.onClick}>
      {props.label}
    </button>
  );
}

export function RemoveButton(props: { onClick(): void }) {
  return (
    <button type="button" className="secondary" onClick={props.onClick}>
      {st('remove')}
    </button>
  );
}

/** The rows of a list, each drawn by `children` from its editor. */
export function EntryRows<T>(props: { rows: readonly EntryEditor<T>[]; children(row: EntryEditor<T>): ReactNode }) {
  return props.rows.map((row) => <Fragment key={row.index}>{props.children(row)}</Fragment>);
}

/**
 * A list inside a section (the year's holidays, the kiosks): its title and add button, then its rows; `none` is said
 * while it is empty.
 */
export function RowGroup<T>(props: {
  title: string;
  add: string;
  onAdd(): void;
  rows: readonly EntryEditor<T>[];
  testId?: string;
  none?: string;
  children(row: EntryEditor<T>): ReactNode;
}) {
  return (
    <div className="set-group" data-testid={props.testId}>
      <div className="set-group-head">
        <h3>{props.title}</h3>
        <AddButton label={props.add} onClick={props.onAdd} />
      </div>
      {props.none && props.rows.length === 0 && <p className="mgr-notice">{props.none}</p>}
      <EntryRows rows={props.rows}>{props.children}</EntryRows>
    </div>
  );
}
