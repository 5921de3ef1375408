import type { FieldError, HallConfig, WindowConfig } from '@hallq/shared/contracts';
import { useId } from 'react';
import { nextWindowNumber } from '../../store/slices/settings/selectors';
import { useManager } from '../manager-context';
import { FieldErrors, NameFields, NumberField, Row, SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { moveAt, removeAt, replaceAt, st, useOwnDepartmentOnly, useSection } from './settings-context';

/** 窗口: each window's names, place, department, the window types it serves in order, and how it calls. */
export function WindowsSection() {
  const editor = useSection('windows');
  const hall = useManager((s) => s.settingsView?.hall);
  const scope = useOwnDepartmentOnly();
  if (!editor || !hall) return null;
  const { value: windows, edit, errors } = editor;
  const add = () => {
    const last = windows.at(-1);
    edit([
      ...windows,
      {
        number: nextWindowNumber(windows),
        name: { zh: `${nextWindowNumber(windows)}号窗口` },
        zone: last?.zone ?? '',
        floor: last?.floor ?? 1,
        serves: [hall.windowTypes[0]!.code],
        callMode: 'preference',
        department: scope.own ?? hall.departments[0]!.code,
      },
    ]);
  };
  return (
    <SectionFrame
      section="windows"
      edited={editor.edited}
      errors={errors}
      rows={windows.map((_, i) => `windows[${i}]`)}
      tools={
        <button type="button" className="secondary" data-testid="settings-add-window" onClick={add}>
          {st('windows.add')}
        </button>
      }
    >
      {windows.map((w, i) => (
        <WindowRow
          key={i}
          window={w}
          at={`windows[${i}]`}
          hall={hall}
          errors={errors}
          readOnly={!scope.mayChange(w.department)}
          chief={scope.chief}
          onChange={(next) => edit(replaceAt(windows, i, next))}
          onRetire={() => edit(removeAt(windows, i))}
        />
      ))}
    </SectionFrame>
  );
}

function WindowRow(props: {
  window: WindowConfig;
  at: string;
  hall: HallConfig;
  errors: readonly FieldError[];
  readOnly: boolean;
  chief: boolean;
  onChange(w: WindowConfig): void;
  onRetire(): void;
}) {
  const { window: w, at, hall, errors, onChange } = props;
  const set = <K extends keyof WindowConfig>(key: K, value: WindowConfig[K]) => onChange({ ...w, [key]: value });
  return (
    <Row
      at={at}
      errors={errors}
      readOnly={props.readOnly}
      actions={
        <button type="button" className="secondary" data-testid={`settings-retire-${at}`} onClick={props.onRetire}>
          {st('windows.retire')}
        </button>
      }
    >
      <NumberField
        label={st('windows.number')}
        at={`${at}.number`}
        errors={errors}
        value={w.number}
        onChange={(v) => set('number', v as number)}
      />
      <NameFields value={w.name} at={`${at}.name`} errors={errors} onChange={(v) => set('name', v)} />
      <TextField
        label={st('zone')}
        at={`${at}.zone`}
        errors={errors}
        value={w.zone}
        size={8}
        onChange={(v) => set('zone', v)}
      />
      <NumberField
        label={st('windows.floor')}
        at={`${at}.floor`}
        errors={errors}
        value={w.floor}
        onChange={(v) => set('floor', v as number)}
      />
      <SelectField
        label={st('department')}
        at={`${at}.department`}
        errors={errors}
        value={w.department}
        options={hall.departments
          .filter((d) => !props.chief || d.code === w.department)
          .map((d) => ({ value: d.code, label: d.name.zh }))}
        onChange={(v) => set('department', v)}
      />
      <SelectField
        label={st('windows.callMode')}
        at={`${at}.callMode`}
        errors={errors}
        value={w.callMode}
        options={(['preference', 'longest_wait'] as const).map((m) => ({
          value: m,
          label: st(`windows.callModes.${m}`),
        }))}
        onChange={(v) => set('callMode', v)}
      />
      <ServesField
        at={`${at}.serves`}
        serves={w.serves}
        hall={hall}
        errors={errors}
        onChange={(v) => set('serves', v)}
      />
    </Row>
  );
}

/** The window types a window serves, in order of preference: moved up or down, removed, added from the rest. */
function ServesField(props: {
  at: string;
  serves: readonly string[];
  hall: HallConfig;
  errors: readonly FieldError[];
  onChange(serves: string[]): void;
}) {
  const { at, serves, hall, errors, onChange } = props;
  const addId = useId();
  const name = (code: string) => hall.windowTypes.find((t) => t.code === code)?.name.zh ?? code;
  const rest = hall.windowTypes.filter((t) => !serves.includes(t.code));
  return (
    <div className="set-field wide set-serves" role="group" aria-label={st('windows.serves')}>
      <span className="set-label">{st('windows.serves')}</span>
      <ol data-testid={`settings-serves-${at}`}>
        {serves.map((code, i) => (
          <li key={code} className={errorsOutside(errors, `${at}[${i}]`) ? 'invalid' : undefined}>
            <span>
              {i + 1}. {name(code)}
            </span>
            <button
              type="button"
              className="mini"
              aria-label={`${st('up')} ${name(code)}`}
              disabled={i === 0}
              onClick={() => onChange(moveAt(serves, i, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className="mini"
              aria-label={`${st('down')} ${name(code)}`}
              data-testid={`settings-serves-down-${at}[${i}]`}
              disabled={i === serves.length - 1}
              onClick={() => onChange(moveAt(serves, i, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className="mini"
              aria-label={`${st('remove')} ${name(code)}`}
              onClick={() => onChange(removeAt(serves, i))}
            >
              ×
            </button>
            <FieldErrors errors={errors} at={`${at}[${i}]`} />
          </li>
        ))}
      </ol>
      {rest.length > 0 && (
        <>
          <label htmlFor={addId} className="set-visually-hidden">
            {st('windows.addServe')}
          </label>
          <select
            id={addId}
            data-testid={`settings-serves-add-${at}`}
            value=""
            onChange={(e) => e.target.value && onChange([...serves, e.target.value])}
          >
            <option value="">{st('windows.addServe')}</option>
            {rest.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name.zh}
              </option>
            ))}
          </select>
        </>
      )}
      {errors.some((f) => f.path === at) && <FieldErrors errors={errors.filter((f) => f.path === at)} at={at} />}
    </div>
  );
}

const errorsOutside = (errors: readonly FieldError[], at: string) =>
  errors.some((f) => f.path === at || f.path.startsWith(`${at}.`));
