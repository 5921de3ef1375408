import { describe, expect, it } from 'vitest';
import { addDays, hallDay, hoursOn, localClock, weekdayOf, zonedDateTime } from './hall-time';
import { testHall } from '../testing/fixtures';

describe('hallDay', () => {
  it('rolls over at local midnight in Asia/Shanghai, not at UTC midnight', () => {
    expect(hallDay(new Date('2026-11-23T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(hallDay(new Date('2026-11-23T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
  });

  it('follows a zone behind UTC too (America/New_York, winter offset -05:00)', () => {
    expect(hallDay(new Date('2026-11-24T04:59:59Z'), 'America/New_York')).toBe('2026-11-23');
    expect(hallDay(new Date('2026-11-24T05:00:00Z'), 'America/New_York')).toBe('2026-11-24');
  });

  it('rolls over the year', () => {
    expect(hallDay(new Date('2026-12-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2027-01-01');
  });

  it('refuses an unknown zone', () => {
    expect(() => hallDay(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('localClock', () => {
  it('gives the local day, weekday and HH:MM, dropping seconds', () => {
    expect(localClock(new Date('2026-11-23T15:59:59Z'), 'Asia/Shanghai')).toEqual({
      day: '2026-11-23',
      weekday: 'mon',
      time: '23:59',
    });
    expect(localClock(new Date('2026-11-23T16:00:00Z'), 'Asia/Shanghai')).toEqual({
      day: '2026-11-24',
      weekday: 'tue',
      time: '00:00',
    });
  });

  it('uses a half-hour offset zone correctly (Asia/Kolkata, +05:30)', () => {
    expect(localClock(new Date('2026-11-23T18:29:00Z'), 'Asia/Kolkata')).toEqual({
      day: '2026-11-23',
      weekday: 'mon',
      time: '23:59',
    });
  });
});

describe('calendar days', () => {
  it('knows the weekday of a date', () => {
    expect(weekdayOf('2026-11-23')).toBe('mon');
    expect(weekdayOf('2026-11-29')).toBe('sun');
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('the calendar: holidays and 调休', () => {
  const hours = testHall().hours; // Mon-Sat open, Sunday closed
  // A made-up year: Monday 23 and Tuesday 24 November off, Sunday 22 worked as a Monday in exchange.
  const calendar = { holidays: ['2026-11-23', '2026-11-24'], workdays: [{ date: '2026-11-22', as: 'mon' as const }] };

  it('gives a holiday no hours and a 调休 day the hours of the weekday it stands in for', () => {
    expect(hoursOn('2026-11-23', hours, calendar)).toBeNull();
    expect(hoursOn('2026-11-22', hours, calendar)).toEqual(hours.mon);
    expect(hoursOn('2026-11-22', hours)).toBeNull();
    expect(hoursOn('2026-11-25', hours, calendar)).toEqual(hours.wed);
  });
});

describe('zonedDateTime', () => {
  it('gives the instant of a Shanghai wall-clock time', () => {
    expect(zonedDateTime('2026-11-23', '09:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(zonedDateTime('2026-11-24', '00:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('reads 24:00 as midnight at the end of the day', () => {
    expect(zonedDateTime('2026-11-23', '24:00', 'Asia/Shanghai').toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('uses the offset in force on that date, on both sides of a DST change', () => {
    expect(zonedDateTime('2026-07-01', '09:00', 'America/New_York').toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(zonedDateTime('2026-11-23', '09:00', 'America/New_York').toISOString()).toBe('2026-11-23T14:00:00.000Z');
    // The day of the change: 09:00 is already on the new offset.
    expect(zonedDateTime('2026-03-08', '09:00', 'America/New_York').toISOString()).toBe('2026-03-08T13:00:00.000Z');
    expect(zonedDateTime('2026-11-01', '09:00', 'America/New_York').toISOString()).toBe('2026-11-01T14:00:00.000Z');
  });

  it('moves a time skipped by spring-forward later by the gap', () => {
    // 02:30 does not exist on 2026-03-08 in New York; it reads as 03:30 EDT.
    expect(zonedDateTime('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the earlier of a time repeated by fall-back', () => {
    // 01:30 happens twice on 2026-11-01 in New York: first at -04:00.
    expect(zonedDateTime('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('round-trips with localClock', () => {
    const instant = zonedDateTime('2026-11-23', '13:30', 'Asia/Kolkata');
    expect(localClock(instant, 'Asia/Kolkata')).toEqual({ day: '2026-11-23', weekday: 'mon', time: '13:30' });
  });
});
