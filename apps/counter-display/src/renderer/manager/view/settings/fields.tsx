import type { DepartmentConfig, FieldError, LocalizedText } from '@hallq/shared/contracts';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { errorsAt, TEXT_LANGUAGES, withText } from '../../store/slices/settings/selectors';
import type { BoundField } from './entries';
import { st } from './settings-context';

/** The server's messages for a field, beside it. */
export function FieldErrors({ errors, at }: { errors: readonly FieldError[]; at: string }) {
  const messages = errorsAt(errors, at);
  if (messages.length === 0) return null;
  return (
    <span className="set-field-error" role="alert" data-testid={`settings-error-${at}`}>
      {messages.join('；')}
    </span>
  );
}

interface FieldProps {
  label: string;
  /** The field's path in the hall (`windows[2].zone`): its errors and its test id. */
  at: string;
  errors: readonly FieldError[];
  wide?: boolean;
}

/** What a field's control carries: the id its label points at, and the test id its path gives it. */
interface ControlProps {
  id: string;
  'data-testid': string;
}

function Field({ label, at, errors, wide, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const invalid = errorsAt(errors, at).length > 0;
  return (
    <div className={`set-field${wide ? ' wide' : ''}${invalid ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'data-testid': `settings-field-${at}` })}
      <FieldErrors errors={errors} at={at} />
    </div>
  );
}

export function TextField(
  props: FieldProps & {
    value: string;
    onChange(value: string): void;
    size?: number;
    placeholder?: string;
    /** A token typed in: hidden as a password is, and never offered back by the browser. */
    secret?: boolean;
  },
) {
  return (
    <Field {...props}>
      {(control) => (
        <input
          {...control}
          {...(props.secret && { type: 'password', autoComplete: 'new-password' })}
          placeholder={props.placeholder}
          value={props.value}
          size={props.size}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A number; emptied, it is `undefined` (an optional number left out, or a required one the server names). */
export function NumberField(
  props: FieldProps & { value: number | undefined; onChange(value: number | undefined): void; step?: number },
) {
  return (
    <Field {...props}>
      {(control) => (
        <input
          {...control}
          type="number"
          className="set-number"
          value={props.value ?? ''}
          step={props.step ?? 1}
          onChange={(e) => props.onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & { value: V; options: readonly { value: V; label: string }[]; onChange(value: V): void },
) {
  return (
    <Field {...props}>
      {(control) => (
        <select {...control} value={props.value} onChange={(e) => props.onChange(e.target.value as V)}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckField(props: FieldProps & { value: boolean; onChange(value: boolean): void }) {
  const id = useId();
  return (
    <div className={`set-field set-check${props.wide ? ' wide' : ''}`}>
      <input
        id={id}
        type="checkbox"
        data-testid={`settings-field-${props.at}`}
        checked={props.value}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <FieldErrors errors={props.errors} at={props.at} />
    </div>
  );
}

/**
 * A text typed as a list (`1, 2`), kept as typed while the field has focus and handed on when it parses; the list
 * shown again once the field is left.
 */
export function ListField<T>(
  props: FieldProps & {
    value: readonly T[];
    parse(text: string): T[] | null;
    onChange(value: T[]): void;
  },
) {
  const shown = props.value.join(', ');
  const [text, setText] = useState(shown);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(shown);
  }, [shown, focused]);
  return (
    <Field {...props}>
      {(control) => (
        <input
          {...control}
          value={text}
          title={st('staff.listHint')}
          size={8}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = props.parse(e.target.value);
            if (parsed) props.onChange(parsed);
          }}
        />
      )}
    </Field>
  );
}

/** An entry's department; `ownOnly` offers no other (a chief representative cannot move an entry out of theirs). */
export function DepartmentField(
  props: BoundField<string> & { departments: readonly DepartmentConfig[]; ownOnly?: boolean },
) {
  const { departments, ownOnly, ...field } = props;
  const offered = departments.filter((d) => !ownOnly || d.code === field.value);
  return (
    <SelectField
      label={st('department')}
      options={offered.map((d) => ({ value: d.code, label: d.name.zh }))}
      {...field}
    />
  );
}

/** A name in Chinese, Tibetan and English (an emptied translation falls back to Chinese). */
export function NameFields(props: {
  value: LocalizedText;
  at: string;
  errors: readonly FieldError[];
  onChange(value: LocalizedText): void;
}) {
  return (
    <>
      {TEXT_LANGUAGES.map((language) => (
        <TextField
          key={language}
          label={st('name', { language: st(`language.${language}`) })}
          at={`${props.at}.${language}`}
          errors={props.errors}
          value={props.value[language] ?? ''}
          size={language === 'zh' ? 10 : 12}
          onChange={(v) => props.onChange(withText(props.value, language, v))}
        />
      ))}
    </>
  );
}
