import { CheckField, NameFields, Row, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { removeAt, replaceAt, st, useSection } from './settings-context';

/** 部门: the departments in the hall (进驻单位) and which is the hall's own office. */
export function DepartmentsSection() {
  const editor = useSection('departments');
  if (!editor) return null;
  const { value: departments, edit, errors } = editor;
  return (
    <SectionFrame
      section="departments"
      edited={editor.edited}
      errors={errors}
      rows={departments.map((_, i) => `departments[${i}]`)}
      tools={
        <button
          type="button"
          className="secondary"
          onClick={() =>
            edit([
              ...departments,
              { code: `dept${departments.length + 1}`, name: { zh: st('departments.add') }, hallOffice: false },
            ])
          }
        >
          {st('departments.add')}
        </button>
      }
    >
      {departments.map((d, i) => {
        const at = `departments[${i}]`;
        return (
          <Row
            key={i}
            at={at}
            errors={errors}
            actions={
              <button type="button" className="secondary" onClick={() => edit(removeAt(departments, i))}>
                {st('remove')}
              </button>
            }
          >
            <TextField
              label={st('code')}
              at={`${at}.code`}
              errors={errors}
              value={d.code}
              size={12}
              onChange={(v) => edit(replaceAt(departments, i, { ...d, code: v }))}
            />
            <NameFields
              value={d.name}
              at={`${at}.name`}
              errors={errors}
              onChange={(v) => edit(replaceAt(departments, i, { ...d, name: v }))}
            />
            <CheckField
              label={st('departments.hallOffice')}
              at={`${at}.hallOffice`}
              errors={errors}
              value={d.hallOffice}
              onChange={(v) => edit(replaceAt(departments, i, { ...d, hallOffice: v }))}
            />
          </Row>
        );
      })}
    </SectionFrame>
  );
}
