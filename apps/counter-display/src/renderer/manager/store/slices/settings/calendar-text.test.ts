import { describe, expect, it } from 'vitest';
import { mergeCalendar, parseCalendarText } from './calendar-text';

describe('pasting the year’s calendar', () => {
  it('reads holidays and 调休 workdays a line each, naming the lines it cannot read', () => {
    const pasted = parseCalendarText(
      [
        '# 2027',
        '2027-01-01 元旦',
        '',
        '2027-02-07 调休 mon',
        '2027-02-20 调休 周六',
        '2027-02-30',
        '2027-10-09 调休',
        '2027-13-01',
      ].join('\n'),
    );
    expect(pasted.holidays).toEqual(['2027-01-01']);
    expect(pasted.workdays).toEqual([
      { date: '2027-02-07', as: 'mon' },
      { date: '2027-02-20', as: 'sat' },
    ]);
    expect(pasted.problems).toEqual([
      { line: 6, text: '2027-02-30', reason: 'not_a_date' },
      { line: 7, text: '2027-10-09 调休', reason: 'no_weekday' },
      { line: 8, text: '2027-13-01', reason: 'not_a_date' },
    ]);
  });

  it('adds the pasted days to the calendar, each date once and in order', () => {
    const merged = mergeCalendar(
      { holidays: ['2027-05-01', '2027-01-01'], workdays: [{ date: '2027-04-25', as: 'mon' }] },
      { holidays: ['2027-01-01', '2027-04-25'], workdays: [{ date: '2027-05-01', as: 'fri' }] },
    );
    expect(merged).toEqual({ holidays: ['2027-01-01', '2027-04-25'], workdays: [{ date: '2027-05-01', as: 'fri' }] });
  });
});
