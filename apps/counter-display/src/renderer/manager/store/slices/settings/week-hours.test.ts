import type { WeekHours } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { errorsExactlyAt, USUAL_DAY, USUAL_LUNCH, withClosed, withLunch } from './week-hours';

const weekday = { open: '08:30', close: '17:30', lunch: { start: '12:00', end: '14:00' } };
const week: WeekHours = {
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: { open: '08:30', close: '16:00' },
  sat: null,
  sun: null,
};

describe('closing and opening a day of the week', () => {
  it('closes a day by making it null and leaves the other days alone', () => {
    const closed = withClosed(week, 'wed', true);
    expect(closed.wed).toBeNull();
    expect(closed.tue).toEqual(weekday);
    expect(week.wed).toEqual(weekday);
  });

  it('opens a closed day with the hours of the nearest open day before it, as a copy', () => {
    const opened = withClosed(week, 'sun', false);
    expect(opened.sun).toEqual({ open: '08:30', close: '16:00' });
    expect(opened.sun).not.toBe(opened.fri);
    expect(withClosed(week, 'sat', false).sat).toEqual({ open: '08:30', close: '16:00' });
  });

  it('opens a day of an all-closed week with the usual hours, wrapping round the week to find none', () => {
    const closedWeek: WeekHours = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
    expect(withClosed(closedWeek, 'mon', false).mon).toEqual(USUAL_DAY);
    expect(withClosed({ ...closedWeek, sun: weekday }, 'mon', false).mon).toEqual(weekday);
  });

  it('keeps an open day as it is when asked to open it', () => {
    expect(withClosed(week, 'mon', false)).toBe(week);
  });
});

describe('the lunch break of a day', () => {
  it('gives up the break by leaving the field out, not by an empty one', () => {
    const day = withLunch(weekday, false);
    expect(day).toEqual({ open: '08:30', close: '17:30' });
    expect('lunch' in day).toBe(false);
  });

  it('takes the usual break when ticked and keeps a break already set', () => {
    expect(withLunch({ open: '08:30', close: '17:30' }, true).lunch).toEqual(USUAL_LUNCH);
    expect(withLunch(weekday, true).lunch).toEqual({ start: '12:00', end: '14:00' });
  });
});

describe('errors beside a day', () => {
  it('shows only the errors at the place itself, not those of the fields inside it', () => {
    const fields = [
      { path: 'hours.sat.lunch', message: 'lunch must lie inside the opening hours' },
      { path: 'hours.sat.lunch.start', message: 'must be a time of day as HH:MM (24-hour)' },
      { path: 'windowTypes[2].hours.sat.lunch', message: 'other' },
    ];
    expect(errorsExactlyAt(fields, 'hours.sat.lunch')).toEqual(['lunch must lie inside the opening hours']);
  });
});
