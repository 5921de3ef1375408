import { describe, expect, it } from 'vitest';
import { clockTime, formatDuration, maskName, maskPhone } from './format';

describe('formatting', () => {
  it('shows a service time as mm:ss, with hours once past an hour', () => {
    expect(formatDuration(7 * 60_000 + 5_000)).toBe('07:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
  });

  it('shows times on the hall’s clock', () => {
    expect(clockTime('2026-11-20T02:05:00.000Z', 'Asia/Shanghai')).toBe('10:05');
  });
});

describe('masking personal data', () => {
  it('keeps the first character of a name and stars the rest', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('  扎西多吉 ')).toBe('扎***');
  });

  it('still masks a one-character name, and counts a rare character as one', () => {
    expect(maskName('张')).toBe('张*');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('   ')).toBe('');
  });

  it('shows a mobile number by its first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
