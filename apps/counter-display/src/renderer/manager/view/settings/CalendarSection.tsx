import { Weekday, type HallCalendar } from '@hallq/shared/contracts';
import { useId, useState } from 'react';
import { type CalendarText, mergeCalendar, parseCalendarText } from '../../store/slices/settings/calendar-text';
import { Row, SelectField, TextField } from './fields';
import { SectionFrame } from './SectionFrame';
import { removeAt, replaceAt, st, useSection } from './settings-context';

/** 日历: the year's 法定节假日 and 调休 workdays, typed one by one or pasted as the year's list at once. */
export function CalendarSection() {
  const editor = useSection('calendar');
  if (!editor) return null;
  const { value: calendar, edit, errors } = editor;
  const set = (next: Partial<HallCalendar>) => edit({ ...calendar, ...next });
  const weekdays = Weekday.options.map((d) => ({ value: d, label: st(`calendar.weekdays.${d}`) }));
  return (
    <SectionFrame
      section="calendar"
      edited={editor.edited}
      errors={errors}
      rows={[
        ...calendar.holidays.map((_, i) => `calendar.holidays[${i}]`),
        ...calendar.workdays.map((_, i) => `calendar.workdays[${i}]`),
      ]}
    >
      <div className="set-calendar">
        <div className="set-group" data-testid="settings-holidays">
          <div className="set-group-head">
            <h3>{st('calendar.holidays')}</h3>
            <button type="button" className="secondary" onClick={() => set({ holidays: [...calendar.holidays, ''] })}>
              {st('calendar.addHoliday')}
            </button>
          </div>
          {calendar.holidays.length === 0 && <p className="mgr-notice">{st('calendar.none')}</p>}
          {calendar.holidays.map((date, i) => (
            <Row
              key={i}
              at={`calendar.holidays[${i}]`}
              errors={errors}
              actions={
                <button
                  type="button"
                  className="secondary"
                  onClick={() => set({ holidays: removeAt(calendar.holidays, i) })}
                >
                  {st('remove')}
                </button>
              }
            >
              <TextField
                label={st('calendar.date')}
                at={`calendar.holidays[${i}]`}
                errors={errors}
                value={date}
                size={10}
                onChange={(v) => set({ holidays: replaceAt(calendar.holidays, i, v) })}
              />
            </Row>
          ))}
        </div>
        <div className="set-group" data-testid="settings-workdays">
          <div className="set-group-head">
            <h3>{st('calendar.workdays')}</h3>
            <button
              type="button"
              className="secondary"
              onClick={() => set({ workdays: [...calendar.workdays, { date: '', as: 'mon' }] })}
            >
              {st('calendar.addWorkday')}
            </button>
          </div>
          {calendar.workdays.length === 0 && <p className="mgr-notice">{st('calendar.none')}</p>}
          {calendar.workdays.map((day, i) => {
            const at = `calendar.workdays[${i}]`;
            return (
              <Row
                key={i}
                at={at}
                errors={errors}
                actions={
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => set({ workdays: removeAt(calendar.workdays, i) })}
                  >
                    {st('remove')}
                  </button>
                }
              >
                <TextField
                  label={st('calendar.date')}
                  at={`${at}.date`}
                  errors={errors}
                  value={day.date}
                  size={10}
                  onChange={(v) => set({ workdays: replaceAt(calendar.workdays, i, { ...day, date: v }) })}
                />
                <SelectField
                  label={st('calendar.as')}
                  at={`${at}.as`}
                  errors={errors}
                  value={day.as}
                  options={weekdays}
                  onChange={(v) => set({ workdays: replaceAt(calendar.workdays, i, { ...day, as: v }) })}
                />
              </Row>
            );
          })}
        </div>
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
