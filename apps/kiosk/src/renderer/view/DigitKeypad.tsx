import { useTranslation } from 'react-i18next';

/** A big keypad for the appointment code. */
export function DigitKeypad(props: { onDigit(digit: string): void; onDelete(): void }) {
  const { t } = useTranslation('kiosk');
  const digit = (d: string) => (
    <button type="button" key={d} className="key digit" data-testid={`digit-${d}`} onClick={() => props.onDigit(d)}>
      {d}
    </button>
  );
  return (
    <div className="keypad" data-testid="keypad">
      {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map(digit)}
      <span />
      {digit('0')}
      <button type="button" className="key digit" data-testid="digit-delete" onClick={props.onDelete}>
        ⌫<span className="sr-only"> {t('appointment.delete')}</span>
      </button>
    </div>
  );
}
