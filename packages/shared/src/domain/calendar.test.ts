import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from './calendar';

const plain = { holidays: [], workdays: [] };
// A made-up year: Monday 23 and Tuesday 24 November off, Sunday 22 worked as a Monday in exchange (调休).
const calendar = { holidays: ['2026-11-23', '2026-11-24'], workdays: [{ date: '2026-11-22', as: 'mon' as const }] };

describe('the hall calendar: one definition of a working day', () => {
  it('counts Monday to Friday, never Saturday, even in a hall open on Saturday', () => {
    expect(isWorkingDay('2026-11-27', plain)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', plain)).toBe(false); // Saturday
    // Friday + 3 working days: Monday, Tuesday, Wednesday.
    expect(addWorkingDays('2026-11-27', 3, plain)).toBe('2026-12-02');
  });

  it('skips holidays and counts 调休 days as working days', () => {
    expect(isWorkingDay('2026-11-23', calendar)).toBe(false);
    expect(isWorkingDay('2026-11-22', calendar)).toBe(true);
    // Friday 20 + 3: Sunday 22 (调休), then Wednesday 25 and Thursday 26 (Monday and Tuesday are holidays).
    expect(addWorkingDays('2026-11-20', 3, calendar)).toBe('2026-11-26');
    expect(addWorkingDays('2026-11-20', 3, { ...calendar, workdays: [] })).toBe('2026-11-27');
  });

  it('gives the same day for 0 working days, and from a weekend the first working day counts as one', () => {
    expect(addWorkingDays('2026-11-29', 0, plain)).toBe('2026-11-29');
    expect(addWorkingDays('2026-11-29', 1, plain)).toBe('2026-11-30');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-23', -1, plain)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-23', 1.5, plain)).toThrow(RangeError);
  });
});
