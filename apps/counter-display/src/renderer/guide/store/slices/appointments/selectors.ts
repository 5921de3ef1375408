import type { PublicHall } from '@hallq/shared/contracts';
import { addDays, checkInWindow, localClock } from '@hallq/shared/domain';
import type { DayAppointment } from './state';

/** Whether the desk may check an appointment in now, by the kiosk's rule (policy early and late minutes). */
export type CheckInStatus =
  { kind: 'done'; ticketNumber: string } | { kind: 'open' } | { kind: 'early'; from: string } | { kind: 'missed' };

export function checkInStatus(appointment: DayAppointment, hall: PublicHall, now: Date): CheckInStatus {
  if (appointment.ticketNumber !== null) return { kind: 'done', ticketNumber: appointment.ticketNumber };
  const { earliest, latest } = checkInWindow(appointment.slotStart, {
    appointmentEarlyMinutes: hall.appointmentEarlyMinutes,
    appointmentLateMinutes: hall.appointmentLateMinutes,
  });
  if (now < earliest) return { kind: 'early', from: earliest.toISOString() };
  return now > latest ? { kind: 'missed' } : { kind: 'open' };
}

const SLOT_MINUTES = 30;

/** The booking form's first guess: the next half-hour slot on the hall's clock (a caller usually wants the soonest). */
export function nextSlot(hall: PublicHall, now: Date): { day: string; time: string } {
  const { day, time } = localClock(now, hall.timeZone);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const next = Math.floor((hour * 60 + minute) / SLOT_MINUTES + 1) * SLOT_MINUTES;
  if (next >= 24 * 60) return { day: addDays(day, 1), time: '08:00' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day, time: `${pad(Math.floor(next / 60))}:${pad(next % 60)}` };
}
