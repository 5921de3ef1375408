import type { QueuePolicy } from '../config/hall-config';
import { addDays, hallDay } from './hall-time';

const DAY_MS = 86_400_000;

/**
 * Digits in an appointment code: what booking draws and what the kiosk's keypad takes. Eight, not six: a code is a
 * bearer credential typed at a public kiosk, and with a few thousand bookings ahead six digits leave one guess in a few
 * hundred a hit. Eight make it one in tens of thousands, which the kiosk's check-in throttle turns into months of
 * guessing; a citizen still types them from an SMS in seconds. The first digit is never 0.
 */
export const APPOINTMENT_CODE_DIGITS = 8;

/** The policy numbers that place an appointment's check-in window around its slot. */
export type CheckInPolicy = Pick<QueuePolicy, 'appointmentEarlyMinutes' | 'appointmentLateMinutes'>;

/** What the check-in rules need of a booked appointment (预约). */
export interface Booking {
  code: string;
  /** The hall day of the slot. */
  hallDay: string;
  /** Start of the booked slot, ISO 8601. */
  slotStart: string;
  /** The ticket it was checked in with; null until then. A booking checks in once. */
  ticketId: string | null;
}

/** When a booking may check in at the kiosk: from `earliest` to `latest`, both included. */
export interface CheckInWindow {
  earliest: Date;
  latest: Date;
}

export function checkInWindow(slotStart: string, policy: CheckInPolicy): CheckInWindow {
  const slot = Date.parse(slotStart);
  return {
    earliest: new Date(slot - policy.appointmentEarlyMinutes * 60_000),
    latest: new Date(slot + policy.appointmentLateMinutes * 60_000),
  };
}

export function isInCheckInWindow(window: CheckInWindow, now: Date): boolean {
  return now.getTime() >= window.earliest.getTime() && now.getTime() <= window.latest.getTime();
}

export interface CheckInProblem {
  code: 'appointment_used' | 'appointment_missed' | 'appointment_too_early';
  message: string;
  /** For appointment_too_early: the ISO instant check-in opens, so the kiosk can say when to come back. */
  opensAt?: string;
}

export interface CheckInContext {
  now: Date;
  /** The current hall day: a booking of another day is missed or too early whatever the clock says. */
  day: string;
  policy: CheckInPolicy;
}

/**
 * Why the booking cannot check in now, or null when it can. Used first, then missed, then too early. The messages
 * name neither the booking's code nor its slot: a check-in by ID number must not hand anyone the code (a bearer
 * credential) or the slot of whoever the number belongs to, and refusals are logged and shown on screens. A refusal
 * that it is too early carries only `opensAt`, for the kiosk to say when to come back.
 */
export function checkInProblem(booking: Booking, ctx: CheckInContext): CheckInProblem | null {
  const { slotStart, hallDay } = booking;
  if (booking.ticketId !== null) {
    return { code: 'appointment_used', message: 'the appointment has already been checked in' };
  }
  const { earliest, latest } = checkInWindow(slotStart, ctx.policy);
  if (hallDay < ctx.day || ctx.now.getTime() > latest.getTime()) {
    return {
      code: 'appointment_missed',
      message: "the appointment's check-in time has passed, please take a normal ticket",
    };
  }
  if (hallDay > ctx.day || ctx.now.getTime() < earliest.getTime()) {
    return {
      code: 'appointment_too_early',
      message: `check-in for the appointment opens ${ctx.policy.appointmentEarlyMinutes} minutes before its slot`,
      opensAt: earliest.toISOString(),
    };
  }
  return null;
}

/**
 * Of one person's bookings for the day (found by ID card), the one a check-in means: of the unused ones, the nearest
 * to now whose check-in window is open, else the nearest (so the refusal says early or missed); else a used one (so
 * it says used). Undefined when there is none. Equally near bookings keep the order they are given in.
 */
export function pickBookingForCheckIn<B extends Booking>(
  bookings: readonly B[],
  now: Date,
  policy: CheckInPolicy,
): B | undefined {
  const distance = (b: B) => Math.abs(Date.parse(b.slotStart) - now.getTime());
  const unused = bookings.filter((b) => b.ticketId === null).sort((a, b) => distance(a) - distance(b));
  return unused.find((b) => isInCheckInWindow(checkInWindow(b.slotStart, policy), now)) ?? unused[0] ?? bookings[0];
}

/** The policy number that bounds how far ahead a slot may be booked. */
export type BookingPolicy = Pick<QueuePolicy, 'bookingHorizonDays'>;

/** Why a slot cannot be booked, naming the request field, as a schema's refusal would. */
export interface BookingSlotProblem {
  code: 'validation_failed';
  field: 'slotStart';
  message: string;
}

/**
 * Why `slotStart` (an ISO 8601 instant) cannot be booked at `now`, or null when it can: it must be a real instant, not
 * begun yet, and on a hall day at most `bookingHorizonDays` after today's. Whatever the string, this answers and never
 * throws: a slot far ahead is refused on its instant before any calendar arithmetic sees its year.
 */
export function bookingSlotProblem(
  slotStart: string,
  now: Date,
  policy: BookingPolicy,
  timeZone: string,
): BookingSlotProblem | null {
  const refuse = (message: string): BookingSlotProblem => ({ code: 'validation_failed', field: 'slotStart', message });
  const slot = Date.parse(slotStart);
  if (!Number.isFinite(slot)) return refuse('not a date and time');
  if (slot < now.getTime()) return refuse('the slot has already begun');
  const lastDay = addDays(hallDay(now, timeZone), policy.bookingHorizonDays);
  const beyond = refuse(
    `the slot is beyond the booking horizon: slots can be booked up to ${policy.bookingHorizonDays} days ahead, until ${lastDay}`,
  );
  // Two days' slack covers any zone's offset; past that the instant alone decides, so no far year reaches hallDay.
  if (slot - now.getTime() > (policy.bookingHorizonDays + 2) * DAY_MS) return beyond;
  return hallDay(new Date(slot), timeZone) > lastDay ? beyond : null;
}
