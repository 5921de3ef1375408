import { Weekday, type HallCalendar } from '@hallq/shared/contracts';
import { useId, useState } from 'react';
import { type CalendarText, mergeCalendar, parseCalendarText } from '../../store/slices/settings/calendar-text';
import { entryEditors, RemoveButton, Row, RowGroup } from './entries';
import { SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { st, useSection } from './settings-context';

/** 日历: the year's 法定节假日 and 调休 workdays, typed one by one or pasted as the year's list at once. */
export function CalendarSection() {
  const editor = useSection('calendar');
  if (!editor) return null;
  const { value: calendar, edit, errors } = editor;
  const set = (next: Partial<HallCalendar>) => edit({ ...calendar, ...next });
  const weekdays = Weekday.options.map((d) => ({ value: d, label: st(`calendar.weekdays.${d}`) }));
  const holidays = entryEditors(calendar.holidays, 'calendar.holidays', errors, (list) => set({ holidays: list }));
  const workdays = entryEditors(calendar.workdays, 'calendar.workdays', errors, (list) => set({ workdays: list }));
  return (
    <SectionFrame
      section="calendar"
      edited={editor.edited}
      errors={errors}
      rows={[...holidays, ...workdays].map((row) => row.at)}
    >
      <div className="set-calendar">
        <RowGroup
          title={st('calendar.holidays')}
          add={st('calendar.addHoliday')}
          onAdd={() => set({ holidays: [...calendar.holidays, ''] })}
          rows={holidays}
          testId="settings-holidays"
          none={st('calendar.none')}
        >
          {(row) => (
            <Row row={row} actions={<RemoveButton onClick={row.remove} />}>
              <TextField
                label={st('calendar.date')}
                at={row.at}
                errors={errors}
                value={row.entry}
                size={10}
                onChange={row.replace}
              />
            </Row>
          )}
        </RowGroup>
        <RowGroup
          title={st('calendar.workdays')}
          add={st('calendar.addWorkday')}
          onAdd={() => set({ workdays: [...calendar.workdays, { date: '', as: 'mon' }] })}
          rows={workdays}
          testId="settings-workdays"
          none={st('calendar.none')}
        >
          {(row) => (
            <Row row={row} actions={<RemoveButton onClick={row.remove} />}>
              <TextField label={st('calendar.date')} size={10} {...row.field('date')} />
              <SelectField label={st('calendar.as')} options={weekdays} {...row.field('as')} />
            </Row>
          )}
        </RowGroup>
        <PasteYear onPaste={(pasted) => edit(mergeCalendar(calendar, pasted))} />
      </div>
    </SectionFrame>
  );
}

/** The year's list pasted at once; lines it cannot read are named and left out. */
function PasteYear({ onPaste }: { onPaste(pasted: CalendarText): void }) {
  const id = useId();
  const [text, setText] = useState('');
  const [result, setResult] = useState<CalendarText | null>(null);
  const apply = () => {
    const pasted = parseCalendarText(text);
    onPaste(pasted);
    setResult(pasted);
    setText(pasted.problems.map((p) => p.text).join('\n'));
  };
  return (
    <div className="set-group set-paste">
      <label htmlFor={id}>
        <h3>{st('calendar.paste')}</h3>
      </label>
      <p className="mgr-notice" id={`${id}-hint`}>
        {st('calendar.pasteHint')}
      </p>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={8}
        data-testid="settings-calendar-paste"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" data-testid="settings-calendar-paste-apply" disabled={text.trim() === ''} onClick={apply}>
        {st('calendar.pasteApply')}
      </button>
      {result && (
        <p className="mgr-notice" role="status">
          {st('calendar.pasted', { holidays: result.holidays.length, workdays: result.workdays.length })}
        </p>
      )}
      {result && result.problems.length > 0 && (
        <div className="set-problems" role="alert">
          <p>{st('calendar.pasteProblems')}</p>
          <ul>
            {result.problems.map((p) => (
              <li key={p.line}>
                {st('calendar.pasteLine', { line: p.line })}「{p.text}」：{st(`calendar.pasteReason.${p.reason}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
