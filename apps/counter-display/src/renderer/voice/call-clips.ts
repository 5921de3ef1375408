import { type ClipId, type Digit, DIGITS, type Letter, LETTERS, digitClip, letterClip } from './clip-ids';

export interface Call {
  number: string;
  window: number;
  recall: boolean;
}

const isLetter = (c: string): c is Letter => (LETTERS as readonly string[]).includes(c);
const isDigit = (c: string): c is Digit => (DIGITS as readonly string[]).includes(c);

/** A ticket number read character by character, as halls do: A001 → A 零 零 一. */
export function ticketNumberClips(number: string): ClipId[] {
  return [...number.toUpperCase()].flatMap((c) => (isLetter(c) ? [letterClip(c)] : isDigit(c) ? [digitClip(c)] : []));
}

const digit = (n: number): ClipId => digitClip(String(n) as Digit);

/** A window number read as a number: 3 → 三, 12 → 十二, 20 → 二十, 105 → 一百零五; past 999 digit by digit. */
export function windowNumberClips(n: number): ClipId[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) return ticketNumberClips(String(n));
  if (n < 10) return [digit(n)];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const units = n % 10;
    // 十二, not 一十二: below twenty the leading 一 is not said.
    return [...(tens === 1 ? [] : [digit(tens)]), 'shi', ...(units === 0 ? [] : [digit(units)])];
  }
  const hundreds: ClipId[] = [digit(Math.floor(n / 100)), 'bai'];
  const rest = n % 100;
  if (rest === 0) return hundreds;
  if (rest < 10) return [...hundreds, 'digit-0', digit(rest)];
  // 一百一十二: after 百 the 一 of the tens is said.
  return [...hundreds, ...(rest < 20 ? ['digit-1' as const] : []), ...windowNumberClips(rest)];
}

/** 请 A001 号 到 3 号 窗口 办理 */
export function sentenceClips(call: Pick<Call, 'number' | 'window'>): ClipId[] {
  return [
    'qing',
    ...ticketNumberClips(call.number),
    'hao',
    'dao',
    ...windowNumberClips(call.window),
    'hao',
    'chuangkou',
    'banli',
  ];
}

/**
 * What the hall hears for one call: the chime, then the sentence twice. A recall is announced exactly like a call —
 * the citizen did not come, so they must hear it again in full.
 */
export function clipsForCall(call: Call): ClipId[] {
  const sentence = sentenceClips(call);
  return ['chime', ...sentence, ...sentence];
}
