import { describe, expect, it } from 'vitest';
import { policy, shanghai } from '../testing/fixtures';
import type { Booking } from './appointment';
import { checkInProblem, checkInWindow, isInCheckInWindow, pickBookingForCheckIn } from './appointment';

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
      message: 'appointment APT-10:00 has already been checked in',
    });
  });

  it('refuses a late arrival as missed, sending them to a normal ticket', () => {
    expect(checkInProblem(booking('10:00'), at('10:15:01'))).toEqual({
      code: 'appointment_missed',
      message:
        'appointment APT-10:00 was for 2026-11-23T02:00:00.000Z; its check-in time has passed, please take a normal ticket',
    });
  });

  it('refuses an early arrival, saying when check-in opens', () => {
    expect(checkInProblem(booking('10:00'), at('09:29'))).toEqual({
      code: 'appointment_too_early',
      message: 'appointment APT-10:00 is for 2026-11-23T02:00:00.000Z; check-in opens 30 minutes before',
      opensAt: '2026-11-23T01:30:00.000Z',
    });
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
