import { type DayHours, type FieldError, type WeekHours, Weekday } from '@hallq/shared/contracts';
import { useId } from 'react';
import { errorsExactlyAt, withClosed, withLunch } from '../../store/slices/settings/week-hours';
import { TextField } from './fields';
import { st } from './settings-context';

/** Messages at exactly `at`: the ones no field inside it shows (a lunch outside the day, a day that is no object). */
function ExactErrors({ errors, at }: { errors: readonly FieldError[]; at: string }) {
  const messages = errorsExactlyAt(errors, at);
  if (messages.length === 0) return null;
  return (
    <span className="set-field-error" role="alert" data-testid={`settings-error-${at}`}>
      {messages.join('；')}
    </span>
  );
}

function Toggle(props: { label: string; testId: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="set-field set-check">
      <input
        id={id}
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/**
 * A week's opening hours (the hall's, or a window type's own, at `at`): each day closed (休息) or its opening and
 * closing times, with a lunch break or served through lunch. The server's errors stand beside the field they name.
 */
export function HoursEditor(props: {
  value: WeekHours;
  at: string;
  errors: readonly FieldError[];
  onChange(value: WeekHours): void;
}) {
  const { value: week, at, errors, onChange } = props;
  return (
    <div className="set-hours" data-testid={`settings-hours-${at}`}>
      <div className="set-hours-day set-hours-head" aria-hidden="true">
        <span>{st('hours.weekday')}</span>
        <span />
        <span>{st('hours.open')}</span>
        <span>{st('hours.close')}</span>
        <span />
        <span>{st('hours.lunchStart')}</span>
        <span>{st('hours.lunchEnd')}</span>
      </div>
      {Weekday.options.map((day) => (
        <DayRow
          key={day}
          day={day}
          hours={week[day]}
          at={`${at}.${day}`}
          errors={errors}
          onClosed={(closed) => onChange(withClosed(week, day, closed))}
          onChange={(hours) => onChange({ ...week, [day]: hours })}
        />
      ))}
      <ExactErrors errors={errors} at={at} />
    </div>
  );
}

function DayRow(props: {
  day: Weekday;
  hours: DayHours | null;
  at: string;
  errors: readonly FieldError[];
  onClosed(closed: boolean): void;
  onChange(hours: DayHours): void;
}) {
  const { hours, at, errors } = props;
  const name = st(`calendar.weekdays.${props.day}`);
  const time = (label: string, where: string, value: string, change: (v: string) => void) => (
    // Typed as HH:MM rather than a time picker: the picker shows 12-hour AM/PM on an English PC and cannot hold 24:00,
    // which closes a day at midnight.
    <TextField
      size={5}
      placeholder="HH:MM"
      label={st('hours.fieldLabel', { day: name, field: label })}
      at={`${at}.${where}`}
      errors={errors}
      value={value}
      onChange={change}
    />
  );
  return (
    <div className="set-hours-day" data-testid={`settings-day-${at}`}>
      <span className="set-hours-name">{name}</span>
      <Toggle
        label={st('hours.closed')}
        testId={`settings-closed-${at}`}
        checked={hours === null}
        onChange={props.onClosed}
      />
      {hours && (
        <>
          {time(st('hours.open'), 'open', hours.open, (open) => props.onChange({ ...hours, open }))}
          {time(st('hours.close'), 'close', hours.close, (close) => props.onChange({ ...hours, close }))}
          <Toggle
            label={st('hours.lunch')}
            testId={`settings-lunch-${at}`}
            checked={hours.lunch !== undefined}
            onChange={(lunch) => props.onChange(withLunch(hours, lunch))}
          />
          {hours.lunch ? (
            <>
              {time(st('hours.lunchStart'), 'lunch.start', hours.lunch.start, (start) =>
                props.onChange({ ...hours, lunch: { start, end: hours.lunch?.end ?? start } }),
              )}
              {time(st('hours.lunchEnd'), 'lunch.end', hours.lunch.end, (end) =>
                props.onChange({ ...hours, lunch: { start: hours.lunch?.start ?? end, end } }),
              )}
            </>
          ) : (
            <span className="set-hours-through">{st('hours.throughLunch')}</span>
          )}
        </>
      )}
      <div className="set-hours-errors">
        <ExactErrors errors={errors} at={at} />
        <ExactErrors errors={errors} at={`${at}.lunch`} />
      </div>
    </div>
  );
}
