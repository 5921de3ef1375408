import { describe, expect, it } from 'vitest';
import { MASKED_NAME_MAX_LENGTH, isMaskedName, maskName } from './masking';

const NAMES = [
  '张三',
  '张',
  '王小明',
  '欧阳娜娜',
  '  扎西多吉 ',
  '𠮷野家',
  'བཀྲ་ཤིས་རྡོ་རྗེ', // Tashi Dorje in Tibetan script: letters with combining marks and tsheg
  'ཚེ་རིང་',
  'John Smith',
  "O'Brien",
  'Émile',
  '阿卜杜热合曼·艾合买提',
  'Maria Fernanda Rodríguez López de la Vega', // longer than a masked name may be
];

describe('maskName', () => {
  it('keeps the first character of a name and gives each other character one *', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('  扎西多吉 ')).toBe('扎***');
    expect(maskName('张')).toBe('张*');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('བཀྲ་ཤིས')).toBe('བ******');
    expect(maskName('John Smith')).toBe('J*********');
  });

  it('shows a long name as its first character and 19 stars', () => {
    expect(maskName('Maria Fernanda Rodríguez López de la Vega')).toBe(`M${'*'.repeat(MASKED_NAME_MAX_LENGTH - 1)}`);
  });

  it('gives nothing for a blank name or one that does not begin with a letter', () => {
    for (const name of ['', '   ', '*三', '***', '3号', '·李']) expect(maskName(name), name).toBe('');
  });
});

describe('isMaskedName', () => {
  it('accepts every masked name the masker makes', () => {
    for (const name of NAMES) expect(isMaskedName(maskName(name)), `${name} → ${maskName(name)}`).toBe(true);
    // Any string at all: the masker's answer is either nothing or a masked name.
    const alphabet = Array.from('王小明*· aZ3𠮷བྲ་\u3000');
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: next() % 30 }, () => alphabet[next() % alphabet.length]).join('');
      const masked = maskName(s);
      if (masked !== '') expect(isMaskedName(masked), JSON.stringify(s)).toBe(true);
    }
  });

  it('refuses a full name, a * added to it or put inside it, stars alone, and a name of nothing but its first character', () => {
    for (const s of [
      '王小明*',
      '王*明',
      '***',
      '王小明',
      '王',
      '*王',
      '',
      ' 王*',
      '王* ',
      '王**明*',
      'J* Smith',
      '3**',
    ]) {
      expect(isMaskedName(s), s).toBe(false);
    }
  });

  it('refuses a masked name longer than the masker makes', () => {
    expect(isMaskedName(`王${'*'.repeat(MASKED_NAME_MAX_LENGTH - 1)}`)).toBe(true);
    expect(isMaskedName(`王${'*'.repeat(MASKED_NAME_MAX_LENGTH)}`)).toBe(false);
  });
});
