import { useTranslation } from 'react-i18next';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The search keyboard: nothing on the kiosk may need a physical keyboard. */
export function LetterKeyboard(props: { onLetter(letter: string): void; onDelete(): void; onClear(): void }) {
  const { t } = useTranslation('kiosk');
  return (
    <div className="keyboard" data-testid="keyboard">
      {ROWS.map((row) => (
        <div className="key-row" key={row}>
          {[...row].map((letter) => (
            <button
              type="button"
              key={letter}
              className="key"
              data-testid={`key-${letter}`}
              onClick={() => props.onLetter(letter)}
            >
              {letter.toUpperCase()}
            </button>
          ))}
        </div>
      ))}
      <div className="key-row">
        <button type="button" className="key wide" data-testid="key-delete" onClick={props.onDelete}>
          ⌫ {t('items.delete')}
        </button>
        <button type="button" className="key wide" data-testid="key-clear" onClick={props.onClear}>
          {t('items.clear')}
        </button>
      </div>
    </div>
  );
}
