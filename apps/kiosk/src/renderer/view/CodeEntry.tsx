import { DigitKeypad } from './DigitKeypad';

/** A code typed on the big keypad: one box per digit, then the keypad. */
export function CodeEntry(props: {
  code: string;
  length: number;
  testId: string;
  onDigit(digit: string): void;
  onDelete(): void;
}) {
  const boxes = Array.from({ length: props.length }, (_, i) => props.code[i] ?? '');
  return (
    <>
      <div className="code-boxes" data-testid={props.testId} aria-label={props.code}>
        {boxes.map((d, i) => (
          <span key={i} className={d ? 'code-box filled' : 'code-box'}>
            {d}
          </span>
        ))}
      </div>
      <DigitKeypad onDigit={props.onDigit} onDelete={props.onDelete} />
    </>
  );
}
