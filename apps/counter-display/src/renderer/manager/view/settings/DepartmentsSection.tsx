import { RemoveButton, Row } from './entries';
import { CheckField, NameFields, TextField } from './fields';
import { ListSection } from './SectionFrame';
import { st, useSection } from './settings-context';

/** 部门: the departments in the hall (进驻单位) and which is the hall's own office. */
export function DepartmentsSection() {
  const editor = useSection('departments');
  if (!editor) return null;
  const { value: departments, edit } = editor;
  const add = () =>
    edit([
      ...departments,
      { code: `dept${departments.length + 1}`, name: { zh: st('departments.add') }, hallOffice: false },
    ]);
  return (
    <ListSection section="departments" editor={editor} add={{ label: st('departments.add'), onClick: add }}>
      {(row) => (
        <Row row={row} actions={<RemoveButton onClick={row.remove} />}>
          <TextField label={st('code')} size={12} {...row.field('code')} />
          <NameFields {...row.field('name')} />
          <CheckField label={st('departments.hallOffice')} {...row.field('hallOffice')} />
        </Row>
      )}
    </ListSection>
  );
}
