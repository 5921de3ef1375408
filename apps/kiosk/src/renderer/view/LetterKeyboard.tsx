import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const LATIN_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** The 30 consonants in the order every Tibetan learns them (ཀ ཁ ག ང …), four to a group, two groups to a row. */
export const TIBETAN_CONSONANTS = [...'ཀཁགངཅཆཇཉཏཐདནཔཕབམཙཚཛཝཞཟའཡརལཤསཧཨ'];
/** The four vowel signs (gi gu, zhabs kyu, 'greng bu, na ro): they sit on the letter before them. */
export const TIBETAN_VOWELS = ['\u0F72', '\u0F74', '\u0F7A', '\u0F7C'];
const TIBETAN_KEYS = [...TIBETAN_CONSONANTS, ...TIBETAN_VOWELS];
/** Two groups of four to a row (the last row has ཧ ཨ after ར ལ ཤ ས), then the vowels on a row of their own. */
const TIBETAN_ROWS = [0, 8, 16, 24].map((start) => TIBETAN_CONSONANTS.slice(start, start + 8)).concat([TIBETAN_VOWELS]);
/** A vowel sign alone is drawn on a dotted circle, as Tibetan primers show it. */
const DOTTED_CIRCLE = '\u25CC';

export type KeyboardLayout = 'tibetan' | 'latin';

/**
 * The search keyboard: nothing on the kiosk may need a physical keyboard. Tibetan letters in Tibetan mode, Latin
 * letters (pinyin initials, Wylie, English words) otherwise; a key switches between the two in every language.
 */
export function LetterKeyboard(props: {
  initialLayout: KeyboardLayout;
  onLetter(letter: string): void;
  onDelete(): void;
  onClear(): void;
}) {
  const { t } = useTranslation('kiosk');
  const [layout, setLayout] = useState(props.initialLayout);
  const tibetan = layout === 'tibetan';
  return (
    <div className={tibetan ? 'keyboard tibetan' : 'keyboard'} data-testid="keyboard" data-layout={layout}>
      {tibetan
        ? TIBETAN_ROWS.map((row, r) => (
            <div className="key-row" key={r}>
              {row.map((letter) => {
                const index = TIBETAN_KEYS.indexOf(letter);
                const vowel = index >= TIBETAN_CONSONANTS.length;
                return (
                  <button
                    type="button"
                    key={letter}
                    lang="bo"
                    className={vowel ? 'key bo vowel' : 'key bo'}
                    data-testid={`key-bo-${index}`}
                    onClick={() => props.onLetter(letter)}
                  >
                    {vowel ? DOTTED_CIRCLE + letter : letter}
                  </button>
                );
              })}
            </div>
          ))
        : LATIN_ROWS.map((row) => (
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
        <button
          type="button"
          className="key wide layout"
          data-testid="key-layout"
          onClick={() => setLayout(tibetan ? 'latin' : 'tibetan')}
        >
          {tibetan ? (
            'ABC'
          ) : (
            <span lang="bo" className="bo">
              ཀཁག
            </span>
          )}
          <span className="sr-only"> {tibetan ? t('items.latinKeys') : t('items.tibetanKeys')}</span>
        </button>
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
