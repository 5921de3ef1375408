import { describe, expect, it } from 'vitest';
import type { WindowTypeConfig } from '../config/hall-config';
import { checkIssuable, isOpenNow } from './availability';
import { shanghai, testHall } from '../testing/fixtures';

const hall = testHall();
const type = (code: string): WindowTypeConfig => {
  const found = hall.windowTypes.find((t) => t.code === code);
  if (!found) throw new Error(code);
  return found;
};
const general = type('general');
const help = type('help');

describe('checkIssuable', () => {
  it('issues during opening hours', () => {
    expect(checkIssuable({ hall, windowType: general, now: shanghai('09:00'), issuedToday: 0 })).toEqual({ ok: true });
    expect(checkIssuable({ hall, windowType: general, now: shanghai('16:59:59'), issuedToday: 0 })).toEqual({
      ok: true,
    });
  });

  it('before opening, says when it opens today', () => {
    expect(checkIssuable({ hall, windowType: general, now: shanghai('08:59:59'), issuedToday: 0 })).toEqual({
      ok: false,
      code: 'not_yet_open',
      message: 'not open yet; opens at 09:00',
      opensAt: '2026-11-23T01:00:00.000Z',
    });
  });

  it('over lunch, says when lunch ends', () => {
    expect(checkIssuable({ hall, windowType: general, now: shanghai('12:00'), issuedToday: 0 })).toEqual({
      ok: false,
      code: 'lunch_break',
      message: 'closed for lunch until 13:30',
      opensAt: '2026-11-23T05:30:00.000Z',
    });
    expect(checkIssuable({ hall, windowType: general, now: shanghai('13:30'), issuedToday: 0 })).toEqual({ ok: true });
  });

  it('after closing, points to the next morning', () => {
    expect(checkIssuable({ hall, windowType: general, now: shanghai('17:00'), issuedToday: 0 })).toEqual({
      ok: false,
      code: 'closed_for_day',
      message: 'closed for the day since 17:00; opens Tuesday 2026-11-24 at 09:00',
      opensAt: '2026-11-24T01:00:00.000Z',
    });
  });

  it('on a closed weekday, skips to the next open day', () => {
    expect(checkIssuable({ hall, windowType: general, now: shanghai('10:00', '2026-11-29'), issuedToday: 0 })).toEqual({
      ok: false,
      code: 'closed_today',
      message: 'closed on Sundays; opens Monday 2026-11-30 at 09:00',
      opensAt: '2026-11-30T01:00:00.000Z',
    });
  });

  it("uses the window type's own hours over the hall's", () => {
    // The hall opens at 09:00 and breaks for lunch; help opens at 08:30 and serves through lunch.
    expect(checkIssuable({ hall, windowType: help, now: shanghai('08:45'), issuedToday: 0 })).toEqual({ ok: true });
    expect(checkIssuable({ hall, windowType: help, now: shanghai('12:30'), issuedToday: 0 })).toEqual({ ok: true });
    // Closed on Saturday although the hall opens: after Saturday comes Sunday (closed) then Monday.
    const saturday = checkIssuable({ hall, windowType: help, now: shanghai('10:00', '2026-11-28'), issuedToday: 0 });
    expect(saturday).toMatchObject({ code: 'closed_today', opensAt: '2026-11-30T00:30:00.000Z' });
  });

  it('after Friday closing, the next opening is Saturday for the hall but Monday for a weekdays-only type', () => {
    const friday = shanghai('18:30', '2026-11-27');
    expect(checkIssuable({ hall, windowType: general, now: friday, issuedToday: 0 })).toMatchObject({
      opensAt: '2026-11-28T01:00:00.000Z',
    });
    expect(checkIssuable({ hall, windowType: help, now: friday, issuedToday: 0 })).toMatchObject({
      code: 'closed_for_day',
      opensAt: '2026-11-30T00:30:00.000Z',
    });
  });

  it('refuses once the daily cap is reached, with no opening time', () => {
    expect(checkIssuable({ hall, windowType: help, now: shanghai('10:00'), issuedToday: 2 })).toEqual({ ok: true });
    expect(checkIssuable({ hall, windowType: help, now: shanghai('10:00'), issuedToday: 3 })).toEqual({
      ok: false,
      code: 'cap_reached',
      message: 'all 3 tickets for today have been issued',
      opensAt: null,
    });
  });

  it('before opening with the cap already reached, says the cap: waiting for the opening would not help', () => {
    expect(checkIssuable({ hall, windowType: help, now: shanghai('08:00'), issuedToday: 3 })).toMatchObject({
      code: 'cap_reached',
    });
  });

  it('after closing with the cap reached, says closed with the next opening: the cap is per day', () => {
    expect(checkIssuable({ hall, windowType: help, now: shanghai('18:00'), issuedToday: 3 })).toMatchObject({
      code: 'closed_for_day',
      opensAt: '2026-11-24T00:30:00.000Z',
    });
  });

  it('gives up looking for an opening after 14 days', () => {
    const shut = testHall({
      hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
    });
    const result = checkIssuable({ hall: shut, windowType: general, now: shanghai('10:00'), issuedToday: 0 });
    expect(result).toEqual({
      ok: false,
      code: 'closed_today',
      message: 'closed on Mondays; no opening in the next 14 days',
      opensAt: null,
    });
  });

  it("follows the hall's zone: Monday 23:59:59 in Shanghai is still Monday, a second later it is Tuesday", () => {
    expect(
      checkIssuable({ hall, windowType: general, now: new Date('2026-11-23T15:59:59Z'), issuedToday: 0 }),
    ).toMatchObject({ code: 'closed_for_day', opensAt: '2026-11-24T01:00:00.000Z' });
    expect(
      checkIssuable({ hall, windowType: general, now: new Date('2026-11-23T16:00:00Z'), issuedToday: 0 }),
    ).toMatchObject({ code: 'not_yet_open', opensAt: '2026-11-24T01:00:00.000Z' });
  });
});

describe('the calendar', () => {
  // A made-up year: Monday 23 and Tuesday 24 November off, Sunday 29 worked as a Monday in exchange.
  const withCalendar = testHall({
    calendar: { holidays: ['2026-11-23', '2026-11-24'], workdays: [{ date: '2026-11-29', as: 'mon' }] },
  });
  const general = withCalendar.windowTypes.find((t) => t.code === 'general')!;

  it('keeps the hall closed on a holiday and says when it opens after it', () => {
    expect(checkIssuable({ hall: withCalendar, windowType: general, now: shanghai('10:00'), issuedToday: 0 })).toEqual({
      ok: false,
      code: 'closed_today',
      message: 'closed for a public holiday; opens Wednesday 2026-11-25 at 09:00',
      opensAt: '2026-11-25T01:00:00.000Z',
    });
    expect(isOpenNow({ hall: withCalendar, windowType: general, now: shanghai('10:00', '2026-11-24') })).toBe(false);
  });

  it('opens on a 调休 Sunday with the hours of the weekday it stands in for', () => {
    const sunday = shanghai('10:00', '2026-11-29');
    expect(checkIssuable({ hall: withCalendar, windowType: general, now: sunday, issuedToday: 0 })).toEqual({
      ok: true,
    });
    expect(checkIssuable({ hall, windowType: general, now: sunday, issuedToday: 0 })).toMatchObject({
      ok: false,
      code: 'closed_today',
    });
  });

  it('refuses a date both off and worked, and a 调休 day borrowing a weekday without hours', () => {
    expect(() =>
      testHall({ calendar: { holidays: ['2026-11-29'], workdays: [{ date: '2026-11-29', as: 'sun' }] } }),
    ).toThrow(/calendar\.workdays\[0\]\.date.*also listed as a holiday|also listed as a holiday/s);
    expect(() => testHall({ calendar: { holidays: ['2026-02-30'] } })).toThrow(/real calendar date/);
  });
});

describe('isOpenNow', () => {
  it('is true only inside the hours and outside lunch', () => {
    expect(isOpenNow({ hall, windowType: general, now: shanghai('10:00') })).toBe(true);
    expect(isOpenNow({ hall, windowType: general, now: shanghai('12:15') })).toBe(false);
    expect(isOpenNow({ hall, windowType: help, now: shanghai('12:15') })).toBe(true);
    expect(isOpenNow({ hall, windowType: general, now: shanghai('10:00', '2026-11-29') })).toBe(false);
  });
});
