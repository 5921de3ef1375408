import { WindowTypeKind } from '@hallq/shared/contracts';
import { RemoveButton, Row } from './entries';
import { NameFields, NumberField, SelectField, TextField } from './fields';
import { ListSection } from './SectionFrame';
import { st, useSection } from './settings-context';

/** 窗口类型: each type's names, ticket letter, daily cap and the minutes the hall aims for. */
export function WindowTypesSection() {
  const editor = useSection('windowTypes');
  if (!editor) return null;
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
          <NumberField label={st('windowTypes.targetWait')} {...row.field('targetWaitMinutes')} />
          <NumberField label={st('windowTypes.defaultService')} step={0.5} {...row.field('defaultServiceMinutes')} />
        </Row>
      )}
    </ListSection>
  );
}
