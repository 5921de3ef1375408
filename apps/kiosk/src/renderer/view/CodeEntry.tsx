import type { ReactNode } from 'react';
import { DigitKeypad } from './DigitKeypad';

/**
 * A code typed on the big keypad: what comes first (`before`), one box per digit, the keypad and the `submit` button.
 * Portrait stacks them; landscape puts the keypad beside the rest, so the submit button stays on screen.
 */
export function CodeEntry(props: {
  code: string;
  length: number;
  testId: string;
  before?: ReactNode;
  submit: ReactNode;
  onDigit(digit: string): void;
  onDelete(): void;
}) {
  const boxes = Array.from({ length: props.length }, (_, i) => props.code[i] ?? '');
  return (
    <div className="entry">
      <div className="entry-main">
        {props.before}
        <div className="code-boxes" data-testid={props.testId} aria-label={props.code}>
          {boxes.map((d, i) => (
            <span key={i} className={d ? 'code-box filled' : 'code-box'}>
              {d}
            </span>
          ))}
        </div>
        {props.submit}
      </div>
      <DigitKeypad onDigit={props.onDigit} onDelete={props.onDelete} />
    </div>
  );
}
