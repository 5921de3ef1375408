import { GovernmentLevel, type FieldError, type HallConfig, type ServiceItemConfig } from '@hallq/shared/contracts';
import { useEffect, useId, useState } from 'react';
import {
  materialLines,
  materialsFromLines,
  TEXT_LANGUAGES,
  type TextLanguage,
} from '../../store/slices/settings/selectors';
import { useManager } from '../manager-context';
import { CataloguePanel } from './CataloguePanel';
import { type EntryEditor, RemoveButton, Row } from './entries';
import { DepartmentField, FieldErrors, NameFields, NumberField, SelectField, TextField } from './fields';
import { ListSection } from './SectionFrame';
import { st, useOwnDepartmentOnly, useSection } from './settings-context';

/** 服务事项: the item catalogue, one row an item with its details opened on demand, and the spreadsheet import. */
export function ItemsSection() {
  const editor = useSection('serviceItems');
  const hall = useManager((s) => s.settingsView?.hall);
  const scope = useOwnDepartmentOnly();
  const [open, setOpen] = useState<number | null>(null);
  if (!editor || !hall) return null;
  const { value: items, edit, errors } = editor;
  const add = () => {
    edit([
      ...items,
      {
        code: `item${items.length + 1}`,
        name: { zh: st('items.add') },
        level: 'county',
        kind: 'immediate',
        promisedWorkingDays: 0,
        materials: [],
        feeYuan: 0,
        windowType: hall.windowTypes[0]!.code,
        department: scope.own ?? hall.departments[0]!.code,
      },
    ]);
    setOpen(items.length);
  };
  return (
    <>
      <CataloguePanel />
      <ListSection
        section="serviceItems"
        editor={editor}
        add={{ label: st('items.add'), onClick: add }}
        tools={<span className="mgr-notice">{st('items.count', { count: items.length })}</span>}
      >
        {(row) => (
          <ItemRow
            row={row}
            hall={hall}
            chief={scope.chief}
            readOnly={!scope.mayChange(row.entry.department)}
            open={open === row.index || errors.some((f) => f.path.startsWith(`${row.at}.materials`))}
            onToggle={() => setOpen(open === row.index ? null : row.index)}
          />
        )}
      </ListSection>
    </>
  );
}

function ItemRow(props: {
  row: EntryEditor<ServiceItemConfig>;
  hall: HallConfig;
  chief: boolean;
  readOnly: boolean;
  open: boolean;
  onToggle(): void;
}) {
  const { row, hall } = props;
  const { entry: item, at } = row;
  const kinds = (['immediate', 'promised'] as const).map((k) => ({ value: k, label: st(`items.kinds.${k}`) }));
  return (
    <Row
      row={row}
      readOnly={props.readOnly}
      actions={
        <>
          <button type="button" className="secondary" aria-expanded={props.open} onClick={props.onToggle}>
            {props.open ? st('items.close') : st('items.edit')}
          </button>
          <RemoveButton onClick={row.remove} />
        </>
      }
    >
      <TextField label={st('code')} size={18} {...row.field('code')} />
      <TextField
        label={st('name', { language: st('language.zh') })}
        at={`${at}.name.zh`}
        errors={row.errors}
        value={item.name.zh}
        size={18}
        onChange={(v) => row.set('name', { ...item.name, zh: v })}
      />
      <DepartmentField departments={hall.departments} ownOnly={props.chief} {...row.field('department')} />
      <SelectField
        label={st('windowType')}
        options={hall.windowTypes.map((t) => ({ value: t.code, label: t.name.zh }))}
        {...row.field('windowType')}
      />
      <SelectField
        label={st('items.kind')}
        options={kinds}
        {...row.field('kind')}
        onChange={(v) =>
          row.merge({ kind: v, promisedWorkingDays: v === 'immediate' ? 0 : item.promisedWorkingDays || 1 })
        }
      />
      {item.kind === 'promised' && (
        <NumberField label={st('items.promisedDays')} {...row.field('promisedWorkingDays')} />
      )}
      <NumberField label={st('items.fee')} step={0.01} {...row.field('feeYuan')} />
      {props.open && (
        <div className="set-detail">
          <NameFields {...row.field('name')} />
          <SelectField
            label={st('items.level')}
            options={GovernmentLevel.options.map((l) => ({ value: l, label: st(`items.levels.${l}`) }))}
            {...row.field('level')}
          />
          <TextField
            label={st('items.legalBasis')}
            at={`${at}.legalBasis`}
            errors={row.errors}
            wide
            size={60}
            value={item.legalBasis ?? ''}
            onChange={(v) => row.set('legalBasis', v === '' ? undefined : v)}
          />
          <MaterialsFields
            at={`${at}.materials`}
            item={item}
            errors={row.errors}
            onChange={(m) => row.set('materials', m)}
          />
        </div>
      )}
    </Row>
  );
}

/** The materials one a line in each language, kept as typed (blank lines too) while being typed. */
function MaterialsFields(props: {
  at: string;
  item: ServiceItemConfig;
  errors: readonly FieldError[];
  onChange(materials: ServiceItemConfig['materials']): void;
}) {
  const id = useId();
  const shown = (language: TextLanguage) => materialLines(props.item.materials, language);
  const initial = () => ({ zh: shown('zh'), bo: shown('bo'), en: shown('en') });
  const [lines, setLines] = useState(initial);
  const [focused, setFocused] = useState(false);
  const canonical = JSON.stringify(props.item.materials);
  useEffect(() => {
    if (!focused) setLines(initial());
    // Re-read only when the materials change from outside the fields (a discard, an import).
  }, [canonical, focused]);
  return (
    <div className="set-materials">
      {TEXT_LANGUAGES.map((language) => (
        <div key={language} className="set-field">
          <label htmlFor={`${id}-${language}`}>{st('items.materials', { language: st(`language.${language}`) })}</label>
          <textarea
            id={`${id}-${language}`}
            rows={4}
            cols={28}
            data-testid={`settings-field-${props.at}.${language}`}
            value={lines[language]}
            onFocus={() => setFocused(true)}
            onBlur={() => setFocused(false)}
            onChange={(e) => {
              const next = { ...lines, [language]: e.target.value };
              setLines(next);
              props.onChange(materialsFromLines(next));
            }}
          />
        </div>
      ))}
      <FieldErrors errors={props.errors} at={props.at} />
    </div>
  );
}
