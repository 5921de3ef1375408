import { type WindowTypeConfig, type WeekHours, WindowTypeKind } from '@hallq/shared/contracts';
import { useId } from 'react';
import { sectionValue } from '../../store/slices/settings/selectors';
import { useManager } from '../manager-context';
import { type EntryEditor, RemoveButton, Row } from './entries';
import { NameFields, NumberField, SelectField, TextField } from './fields';
import { HoursEditor } from './HoursEditor';
import { ListSection } from './SectionFrame';
import { st, useSection } from './settings-context';

/** 窗口类型: each type's names, ticket letter, daily cap, the minutes the hall aims for, and its own hours if any. */
export function WindowTypesSection() {
  const editor = useSection('windowTypes');
  const hallHours = useManager((s) => sectionValue(s, 'hours'));
  if (!editor || !hallHours) return null;
  const { value: types, edit } = editor;
  const kinds = WindowTypeKind.options.map((k) => ({ value: k, label: st(`windowTypes.kinds.${k}`) }));
  const free = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].find((letter) => !types.some((t) => t.prefix === letter)) ?? 'Z';
  const add = () =>
    edit([
      ...types,
      {
        code: `type${types.length + 1}`,
        prefix: free,
        name: { zh: st('windowTypes.add') },
        kind: 'comprehensive',
        targetWaitMinutes: 20,
        defaultServiceMinutes: 10,
      },
    ]);
  return (
    <ListSection section="windowTypes" editor={editor} add={{ label: st('windowTypes.add'), onClick: add }}>
      {(row) => (
        <Row row={row} actions={<RemoveButton onClick={row.remove} />}>
          <TextField label={st('code')} size={10} {...row.field('code')} />
          <TextField
            label={st('windowTypes.prefix')}
            size={2}
            {...row.field('prefix')}
            onChange={(v) => row.set('prefix', v.toUpperCase())}
          />
          <NameFields {...row.field('name')} />
          <SelectField label={st('windowTypes.kind')} options={kinds} {...row.field('kind')} />
          <NumberField label={st('windowTypes.dailyCap')} {...row.field('dailyCap')} />
          <NumberField label={st('windowTypes.perPersonDailyCap')} {...row.field('perPersonDailyCap')} />
          <NumberField label={st('windowTypes.targetWait')} {...row.field('targetWaitMinutes')} />
          <NumberField label={st('windowTypes.defaultService')} step={0.5} {...row.field('defaultServiceMinutes')} />
          <OwnHours row={row} hallHours={hallHours} />
        </Row>
      )}
    </ListSection>
  );
}

/** 按大厅时间 (no `hours` of its own), or its own week, which starts as a copy of the hall's when switched on. */
function OwnHours({ row, hallHours }: { row: EntryEditor<WindowTypeConfig>; hallHours: WeekHours }) {
  const id = useId();
  const hours = row.entry.hours;
  const followHall = (follow: boolean) => {
    if (!follow) return row.set('hours', structuredClone(hallHours));
    const rest = { ...row.entry };
    delete rest.hours;
    row.replace(rest);
  };
  return (
    <div className="set-own-hours">
      <div className="set-field set-check">
        <input
          id={id}
          type="checkbox"
          data-testid={`settings-hall-hours-${row.at}`}
          checked={hours === undefined}
          onChange={(e) => followHall(e.target.checked)}
        />
        <label htmlFor={id}>{st('hours.followHall')}</label>
      </div>
      {hours && <HoursEditor {...row.field('hours')} value={hours} onChange={(week) => row.set('hours', week)} />}
    </div>
  );
}
