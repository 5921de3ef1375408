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
import { FieldErrors, NameFields, NumberField, Row, SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { removeAt, replaceAt, st, useOwnDepartmentOnly, useSection } from './settings-context';

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
      <SectionFrame
        section="serviceItems"
        edited={editor.edited}
        errors={errors}
        rows={items.map((_, i) => `serviceItems[${i}]`)}
        tools={
          <>
            <span className="mgr-notice">{st('items.count', { count: items.length })}</span>
            <button type="button" className="secondary" onClick={add}>
              {st('items.add')}
            </button>
          </>
        }
      >
        {items.map((item, i) => (
          <ItemRow
            key={i}
            item={item}
            at={`serviceItems[${i}]`}
            hall={hall}
            errors={errors}
            chief={scope.chief}
            readOnly={!scope.mayChange(item.department)}
            open={open === i || errors.some((f) => f.path.startsWith(`serviceItems[${i}].materials`))}
            onToggle={() => setOpen(open === i ? null : i)}
            onChange={(next) => edit(replaceAt(items, i, next))}
            onRemove={() => edit(removeAt(items, i))}
          />
        ))}
      </SectionFrame>
    </>
  );
}

function ItemRow(props: {
  item: ServiceItemConfig;
  at: string;
  hall: HallConfig;
  errors: readonly FieldError[];
  chief: boolean;
  readOnly: boolean;
  open: boolean;
  onToggle(): void;
  onChange(item: ServiceItemConfig): void;
  onRemove(): void;
}) {
  const { item, at, hall, errors } = props;
  const set = <K extends keyof ServiceItemConfig>(key: K, value: ServiceItemConfig[K]) =>
    props.onChange({ ...item, [key]: value });
  return (
    <Row
      at={at}
      errors={errors}
      readOnly={props.readOnly}
      actions={
        <>
          <button type="button" className="secondary" aria-expanded={props.open} onClick={props.onToggle}>
            {props.open ? st('items.close') : st('items.edit')}
          </button>
          <button type="button" className="secondary" onClick={props.onRemove}>
            {st('remove')}
          </button>
        </>
      }
    >
      <TextField
        label={st('code')}
        at={`${at}.code`}
        errors={errors}
        value={item.code}
        size={18}
        onChange={(v) => set('code', v)}
      />
      <TextField
        label={st('name', { language: st('language.zh') })}
        at={`${at}.name.zh`}
        errors={errors}
        value={item.name.zh}
        size={18}
        onChange={(v) => set('name', { ...item.name, zh: v })}
      />
      <SelectField
        label={st('department')}
        at={`${at}.department`}
        errors={errors}
        value={item.department}
        options={hall.departments
          .filter((d) => !props.chief || d.code === item.department)
          .map((d) => ({ value: d.code, label: d.name.zh }))}
        onChange={(v) => set('department', v)}
      />
      <SelectField
        label={st('windowType')}
        at={`${at}.windowType`}
        errors={errors}
        value={item.windowType}
        options={hall.windowTypes.map((t) => ({ value: t.code, label: t.name.zh }))}
        onChange={(v) => set('windowType', v)}
      />
      <SelectField
        label={st('items.kind')}
        at={`${at}.kind`}
        errors={errors}
        value={item.kind}
        options={(['immediate', 'promised'] as const).map((k) => ({ value: k, label: st(`items.kinds.${k}`) }))}
        onChange={(v) =>
          props.onChange({
            ...item,
            kind: v,
            promisedWorkingDays: v === 'immediate' ? 0 : item.promisedWorkingDays || 1,
          })
        }
      />
      {item.kind === 'promised' && (
        <NumberField
          label={st('items.promisedDays')}
          at={`${at}.promisedWorkingDays`}
          errors={errors}
          value={item.promisedWorkingDays}
          onChange={(v) => set('promisedWorkingDays', v as number)}
        />
      )}
      <NumberField
        label={st('items.fee')}
        at={`${at}.feeYuan`}
        errors={errors}
        value={item.feeYuan}
        step={0.01}
        onChange={(v) => set('feeYuan', v as number)}
      />
      {props.open && (
        <div className="set-detail">
          <NameFields value={item.name} at={`${at}.name`} errors={errors} onChange={(v) => set('name', v)} />
          <SelectField
            label={st('items.level')}
            at={`${at}.level`}
            errors={errors}
            value={item.level}
            options={GovernmentLevel.options.map((l) => ({ value: l, label: st(`items.levels.${l}`) }))}
            onChange={(v) => set('level', v)}
          />
          <TextField
            label={st('items.legalBasis')}
            at={`${at}.legalBasis`}
            errors={errors}
            wide
            size={60}
            value={item.legalBasis ?? ''}
            onChange={(v) => set('legalBasis', v === '' ? undefined : v)}
          />
          <MaterialsFields at={`${at}.materials`} item={item} errors={errors} onChange={(m) => set('materials', m)} />
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
