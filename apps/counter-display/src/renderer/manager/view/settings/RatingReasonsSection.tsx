import { RemoveButton, Row } from './entries';
import { NameFields, TextField } from './fields';
import { ListSection } from './SectionFrame';
import { st, useSection } from './settings-context';

/** 差评原因: what a citizen may pick on the rating pad for a bad rating; 其他 (typed by them) is always offered too. */
export function RatingReasonsSection() {
  const editor = useSection('ratingReasons');
  if (!editor) return null;
  const { value: reasons, edit } = editor;
  const free = () => {
    let n = reasons.length + 1;
    while (reasons.some((r) => r.code === `reason${n}`)) n++;
    return `reason${n}`;
  };
  const add = () => edit([...reasons, { code: free(), name: { zh: st('ratingReasons.add') } }]);
  return (
    <ListSection
      section="ratingReasons"
      editor={editor}
      add={{ label: st('ratingReasons.add'), testId: 'settings-add-ratingReasons', onClick: add }}
      notice={<p className="mgr-notice">{st('ratingReasons.intro')}</p>}
    >
      {(row) => (
        <Row row={row} actions={<RemoveButton onClick={row.remove} />}>
          <TextField
            label={st('code')}
            size={14}
            {...row.field('code')}
            onChange={(v) => row.set('code', v.toLowerCase())}
          />
          <NameFields {...row.field('name')} />
        </Row>
      )}
    </ListSection>
  );
}
