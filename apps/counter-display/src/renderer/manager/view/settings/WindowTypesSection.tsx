import { WindowTypeKind, type WindowTypeConfig } from '@hallq/shared/contracts';
import { NameFields, NumberField, Row, SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { removeAt, replaceAt, st, useSection } from './settings-context';

/** 窗口类型: each type's names, ticket letter, daily cap and the minutes the hall aims for. */
export function WindowTypesSection() {
  const editor = useSection('windowTypes');
  if (!editor) return null;
  const { value: types, edit, errors } = editor;
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
    <SectionFrame
      section="windowTypes"
      edited={editor.edited}
      errors={errors}
      rows={types.map((_, i) => `windowTypes[${i}]`)}
      tools={
        <button type="button" className="secondary" onClick={add}>
          {st('windowTypes.add')}
        </button>
      }
    >
      {types.map((type, i) => {
        const at = `windowTypes[${i}]`;
        const set = <K extends keyof WindowTypeConfig>(key: K, value: WindowTypeConfig[K]) =>
          edit(replaceAt(types, i, { ...type, [key]: value }));
        return (
          <Row
            key={i}
            at={at}
            errors={errors}
            actions={
              <button type="button" className="secondary" onClick={() => edit(removeAt(types, i))}>
                {st('remove')}
              </button>
            }
          >
            <TextField
              label={st('code')}
              at={`${at}.code`}
              errors={errors}
              value={type.code}
              size={10}
              onChange={(v) => set('code', v)}
            />
            <TextField
              label={st('windowTypes.prefix')}
              at={`${at}.prefix`}
              errors={errors}
              value={type.prefix}
              size={2}
              onChange={(v) => set('prefix', v.toUpperCase())}
            />
            <NameFields value={type.name} at={`${at}.name`} errors={errors} onChange={(v) => set('name', v)} />
            <SelectField
              label={st('windowTypes.kind')}
              at={`${at}.kind`}
              errors={errors}
              value={type.kind}
              options={WindowTypeKind.options.map((k) => ({ value: k, label: st(`windowTypes.kinds.${k}`) }))}
              onChange={(v) => set('kind', v)}
            />
            <NumberField
              label={st('windowTypes.dailyCap')}
              at={`${at}.dailyCap`}
              errors={errors}
              value={type.dailyCap}
              onChange={(v) => set('dailyCap', v)}
            />
            <NumberField
              label={st('windowTypes.targetWait')}
              at={`${at}.targetWaitMinutes`}
              errors={errors}
              value={type.targetWaitMinutes}
              onChange={(v) => set('targetWaitMinutes', v as number)}
            />
            <NumberField
              label={st('windowTypes.defaultService')}
              at={`${at}.defaultServiceMinutes`}
              errors={errors}
              value={type.defaultServiceMinutes}
              step={0.5}
              onChange={(v) => set('defaultServiceMinutes', v as number)}
            />
          </Row>
        );
      })}
    </SectionFrame>
  );
}
