import type { FieldError, HallConfig, WindowConfig } from '@hallq/shared/contracts';
import { useId } from 'react';
import { nextWindowNumber } from '../../store/slices/settings/selectors';
import { useManager } from '../manager-context';
import { DepartmentField, FieldErrors, NameFields, NumberField, SelectField, TextField } from './fields';
import { type BoundField, type EntryEditor, Row } from './entries';
import { ListSection } from './SectionFrame';
import { moveAt, removeAt, st, useOwnDepartmentOnly, useSection } from './settings-context';

/** 窗口: each window's names, place, department, the window types it serves in order, and how it calls. */
export function WindowsSection() {
  const editor = useSection('windows');
  const hall = useManager((s) => s.settingsView?.hall);
  const scope = useOwnDepartmentOnly();
  if (!editor || !hall) return null;
  const { value: windows, edit } = editor;
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
    <ListSection
      section="windows"
      editor={editor}
      add={{ label: st('windows.add'), testId: 'settings-add-window', onClick: add }}
    >
      {(row) => (
        <WindowRow row={row} hall={hall} readOnly={!scope.mayChange(row.entry.department)} chief={scope.chief} />
      )}
    </ListSection>
  );
}

function WindowRow(props: { row: EntryEditor<WindowConfig>; hall: HallConfig; readOnly: boolean; chief: boolean }) {
  const { row, hall } = props;
  const { at } = row;
  const callModes = (['preference', 'longest_wait'] as const).map((m) => ({
    value: m,
    label: st(`windows.callModes.${m}`),
  }));
  return (
    <Row
      row={row}
      readOnly={props.readOnly}
      actions={
        <button type="button" className="secondary" data-testid={`settings-retire-${at}`} onClick={row.remove}>
          {st('windows.retire')}
        </button>
      }
    >
      <NumberField label={st('windows.number')} {...row.field('number')} />
      <NameFields {...row.field('name')} />
      <TextField label={st('zone')} size={8} {...row.field('zone')} />
      <NumberField label={st('windows.floor')} {...row.field('floor')} />
      <DepartmentField departments={hall.departments} ownOnly={props.chief} {...row.field('department')} />
      <SelectField label={st('windows.callMode')} options={callModes} {...row.field('callMode')} />
      <ServesField hall={hall} {...row.field('serves')} />
    </Row>
  );
}

/** The window types a window serves, in order of preference: moved up or down, removed, added from the rest. */
function ServesField(props: BoundField<string[]> & { hall: HallConfig }) {
  const { at, value: serves, hall, errors, onChange } = props;
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
