import type { QueuePolicy } from '../config/hall-config';

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

/** Why the booking cannot check in now, or null when it can. Used first, then missed, then too early. */
export function checkInProblem(booking: Booking, ctx: CheckInContext): CheckInProblem | null {
  const { code, slotStart, hallDay } = booking;
  if (booking.ticketId !== null) {
    return { code: 'appointment_used', message: `appointment ${code} has already been checked in` };
  }
  const { earliest, latest } = checkInWindow(slotStart, ctx.policy);
  if (hallDay < ctx.day || ctx.now.getTime() > latest.getTime()) {
    return {
      code: 'appointment_missed',
      message: `appointment ${code} was for ${slotStart}; its check-in time has passed, please take a normal ticket`,
    };
  }
  if (hallDay > ctx.day || ctx.now.getTime() < earliest.getTime()) {
    return {
      code: 'appointment_too_early',
      message: `appointment ${code} is for ${slotStart}; check-in opens ${ctx.policy.appointmentEarlyMinutes} minutes before`,
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
