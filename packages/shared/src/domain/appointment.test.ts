import { describe, expect, it } from 'vitest';
import { policy, shanghai } from '../testing/fixtures';
import type { Booking } from './appointment';
import {
  bookingSlotProblem,
  checkInProblem,
  checkInWindow,
  isInCheckInWindow,
  pickBookingForCheckIn,
} from './appointment';

// The default policy: check-in from 30 minutes before the slot to 15 minutes after.
const booking = (time: string, fields: Partial<Booking> = {}): Booking => ({
  code: `APT-${time}`,
  hallDay: '2026-11-23',
  slotStart: shanghai(time).toISOString(),
  ticketId: null,
  ...fields,
});
const day = '2026-11-23';
const at = (time: string) => ({ now: shanghai(time), day, policy });

describe('checkInWindow', () => {
  it('opens appointmentEarlyMinutes before the slot and closes appointmentLateMinutes after, both ends included', () => {
    const window = checkInWindow(shanghai('10:00').toISOString(), policy);
    expect(window).toEqual({ earliest: shanghai('09:30'), latest: shanghai('10:15') });
    expect(isInCheckInWindow(window, shanghai('09:30'))).toBe(true);
    expect(isInCheckInWindow(window, shanghai('10:15'))).toBe(true);
    expect(isInCheckInWindow(window, shanghai('09:29:59'))).toBe(false);
    expect(isInCheckInWindow(window, shanghai('10:15:01'))).toBe(false);
  });
});

describe('checkInProblem', () => {
  it('lets a booking check in inside its window', () => {
    expect(checkInProblem(booking('10:00'), at('09:30'))).toBeNull();
    expect(checkInProblem(booking('10:00'), at('10:15'))).toBeNull();
  });

  it('refuses a booking already checked in, whatever the time', () => {
    expect(checkInProblem(booking('10:00', { ticketId: 't1' }), at('10:00'))).toEqual({
      code: 'appointment_used',
      message: 'the appointment has already been checked in',
    });
  });

  it('refuses a late arrival as missed, sending them to a normal ticket', () => {
    expect(checkInProblem(booking('10:00'), at('10:15:01'))).toEqual({
      code: 'appointment_missed',
      message: "the appointment's check-in time has passed, please take a normal ticket",
    });
  });

  it('refuses an early arrival, saying when check-in opens', () => {
    expect(checkInProblem(booking('10:00'), at('09:29'))).toEqual({
      code: 'appointment_too_early',
      message: 'check-in for the appointment opens 30 minutes before its slot',
      opensAt: '2026-11-23T01:30:00.000Z',
    });
  });

  it('names neither the booking’s code nor its slot in any refusal', () => {
    const slot = booking('10:00', { code: '731905' });
    const refusals = [
      checkInProblem({ ...slot, ticketId: 't1' }, at('10:00')),
      checkInProblem(slot, at('10:16')),
      checkInProblem(slot, at('09:00')),
      checkInProblem({ ...slot, hallDay: '2026-11-24' }, at('10:00')),
    ];
    expect(refusals.map((r) => r?.code)).toEqual([
      'appointment_used',
      'appointment_missed',
      'appointment_too_early',
      'appointment_too_early',
    ]);
    for (const r of refusals) {
      expect(r!.message).not.toContain('731905');
      expect(r!.message).not.toMatch(/2026-11-23|02:00|10:00/);
    }
  });

  it('judges by the hall day too: a booking of an earlier day is missed, of a later day too early', () => {
    // Both slots are within minutes of now by the clock, but on another hall day.
    const yesterday = booking('10:00', { hallDay: '2026-11-22' });
    const tomorrow = booking('10:00', { hallDay: '2026-11-24' });
    expect(checkInProblem(yesterday, at('10:00'))?.code).toBe('appointment_missed');
    expect(checkInProblem(tomorrow, at('10:00'))?.code).toBe('appointment_too_early');
  });
});

describe('pickBookingForCheckIn', () => {
  it('picks the unused booking whose window is open, even when another slot is nearer', () => {
    // At 10:16: the 10:00 slot closed a minute ago; the 10:40 slot's window opened at 10:10.
    const closed = booking('10:00');
    const open = booking('10:40');
    expect(pickBookingForCheckIn([closed, open], shanghai('10:16'), policy)).toBe(open);
  });

  it('picks the nearest unused booking when none is open, so the refusal says early or missed', () => {
    const morning = booking('09:00');
    const afternoon = booking('15:00');
    expect(pickBookingForCheckIn([afternoon, morning], shanghai('10:00'), policy)).toBe(morning);
    expect(pickBookingForCheckIn([afternoon, morning], shanghai('13:00'), policy)).toBe(afternoon);
  });

  it('falls back to a used booking, so the refusal says used', () => {
    const used = booking('10:00', { ticketId: 't1' });
    expect(pickBookingForCheckIn([used], shanghai('10:00'), policy)).toBe(used);
    const open = booking('10:20');
    expect(pickBookingForCheckIn([used, open], shanghai('10:00'), policy)).toBe(open);
  });

  it('finds nothing without bookings', () => {
    expect(pickBookingForCheckIn([], shanghai('10:00'), policy)).toBeUndefined();
  });
});

describe('bookingSlotProblem', () => {
  const now = shanghai('10:00'); // Monday 23 November 2026; the default horizon is 60 days, until 22 January 2027
  const problem = (slotStart: string, horizon = policy) => bookingSlotProblem(slotStart, now, horizon, 'Asia/Shanghai');

  it('accepts a slot from now until the last hall day of the horizon, both included', () => {
    expect(policy.bookingHorizonDays).toBe(60);
    expect(problem(now.toISOString())).toBeNull();
    expect(problem('2027-01-22T23:59:00+08:00')).toBeNull();
    expect(bookingSlotProblem('2026-11-23T16:00:00+08:00', now, { bookingHorizonDays: 0 }, 'Asia/Shanghai')).toBeNull();
  });

  it('refuses a slot already begun, naming slotStart', () => {
    expect(problem('2026-11-23T09:59:59+08:00')).toEqual({
      code: 'validation_failed',
      field: 'slotStart',
      message: 'the slot has already begun',
    });
  });

  it('refuses a slot on a hall day beyond the horizon, though less than a full day of hours past it', () => {
    // 23 January 00:00 in the hall is 22 January 16:00 UTC: the hall day decides, not the UTC date.
    expect(problem('2027-01-23T00:00:00+08:00')).toMatchObject({ field: 'slotStart', message: /booking horizon/ });
    expect(problem('2027-01-22T16:00:00Z')).toMatchObject({ field: 'slotStart', message: /until 2027-01-22/ });
    expect(
      bookingSlotProblem('2026-11-24T09:00:00+08:00', now, { bookingHorizonDays: 0 }, 'Asia/Shanghai'),
    ).toMatchObject({ field: 'slotStart' });
  });

  it('refuses far years and strings that are no instant without throwing', () => {
    for (const slot of [
      '9999-12-31T10:00:00+08:00',
      '9999-12-31T23:00:00-08:00', // year 10000 in the hall
      '+275760-09-13T00:00:00Z',
      '2026-13-45T10:00:00+08:00',
      'tomorrow',
      '',
    ]) {
      expect(() => problem(slot), slot).not.toThrow();
      expect(problem(slot), slot).toMatchObject({ code: 'validation_failed', field: 'slotStart' });
    }
  });
});
