import { Weekday } from '@hallq/shared/contracts';
import { HoursEditor } from './HoursEditor';
import { SectionFrame } from './SectionFrame';
import { st, useSection } from './settings-context';

/** 办公时间: the hall's hours through the week, which every window type keeps unless it has its own. */
export function HoursSection() {
  const editor = useSection('hours');
  if (!editor) return null;
  const { value: hours, edit, errors } = editor;
  return (
    <SectionFrame
      section="hours"
      edited={editor.edited}
      errors={errors}
      rows={['hours', ...Weekday.options.map((d) => `hours.${d}`)]}
    >
      <p className="mgr-notice">{st('hours.intro')}</p>
      <HoursEditor value={hours} at="hours" errors={errors} onChange={edit} />
    </SectionFrame>
  );
}
