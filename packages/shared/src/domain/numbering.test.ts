import { describe, expect, it } from 'vitest';
import { formatTicketNumber, nextSequence, parseTicketNumber } from './numbering';

describe('ticket numbers', () => {
  it('pads to three digits', () => {
    expect(formatTicketNumber('A', 1)).toBe('A001');
    expect(formatTicketNumber('A', 42)).toBe('A042');
    expect(formatTicketNumber('A', 999)).toBe('A999');
  });

  it('grows a digit past 999 instead of wrapping', () => {
    expect(formatTicketNumber('A', 1000)).toBe('A1000');
    expect(formatTicketNumber('B', 12345)).toBe('B12345');
  });

  it('refuses a sequence that is not a whole number from 1', () => {
    expect(() => formatTicketNumber('A', 0)).toThrow(RangeError);
    expect(() => formatTicketNumber('A', 1.5)).toThrow(RangeError);
  });

  it('starts each type and day at 1 and counts up', () => {
    expect(nextSequence(undefined)).toBe(1);
    expect(nextSequence(999)).toBe(1000);
  });

  it('parses what it formats, also past 999', () => {
    expect(parseTicketNumber('A001')).toEqual({ prefix: 'A', sequence: 1 });
    expect(parseTicketNumber('C999')).toEqual({ prefix: 'C', sequence: 999 });
    expect(parseTicketNumber('A1000')).toEqual({ prefix: 'A', sequence: 1000 });
  });

  it('rejects anything that is not a ticket number in its one spelling', () => {
    for (const text of ['', 'A', 'A01', 'a001', 'AB001', 'A000', 'A0001', '001', 'A001 ', 'A-01']) {
      expect(parseTicketNumber(text)).toBeNull();
    }
  });
});
