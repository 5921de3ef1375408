/** The ticket prefixes a hall may configure: one capital letter each. */
export const LETTERS = [
  'A',
  'B',
  'C',
  'D',
  'E',
  'F',
  'G',
  'H',
  'I',
  'J',
  'K',
  'L',
  'M',
  'N',
  'O',
  'P',
  'Q',
  'R',
  'S',
  'T',
  'U',
  'V',
  'W',
  'X',
  'Y',
  'Z',
] as const;
export type Letter = (typeof LETTERS)[number];

export const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
export type Digit = (typeof DIGITS)[number];

/** The words of "请A001号到3号窗口办理", plus 十 and 百 for reading window numbers as numbers. */
export const WORDS = ['chime', 'qing', 'hao', 'dao', 'chuangkou', 'banli', 'shi', 'bai'] as const;
export type Word = (typeof WORDS)[number];

/** One shipped audio clip; the id is also its file name in ./clips (`letter-a.wav`, `digit-0.wav`, `qing.wav`). */
export type ClipId = `letter-${Lowercase<Letter>}` | `digit-${Digit}` | Word;

export const letterClip = (letter: Letter): ClipId => `letter-${letter.toLowerCase() as Lowercase<Letter>}`;
export const digitClip = (digit: Digit): ClipId => `digit-${digit}`;

export const CLIP_IDS: readonly ClipId[] = [...WORDS, ...DIGITS.map(digitClip), ...LETTERS.map(letterClip)];
