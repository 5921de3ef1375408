import { randomInt } from 'node:crypto';
import type { CardIdentity } from '@hallq/devices';
import type { AppointmentRecord, CreateAppointmentRequest, HallConfig } from '@hallq/shared/contracts';
import {
  APPOINTMENT_CODE_DIGITS,
  bookingSlotProblem,
  checkInProblem,
  checkIssuable,
  hallDay,
  pickBookingForCheckIn,
  ticketRequestProblem,
} from '@hallq/shared/domain';
import type { AppointmentRow, HallStore } from '../store/hall-store';
import { ApiError } from './api-error';
import type { HallDay } from './hall-day';
import type { IdCards } from './id-cards';
import type { Actor, Reply, WritePipeline } from './write-pipeline';

/** How a ticket request names its booking: by the code, or by the ID card read at the kiosk (opened from its proof). */
export interface BookingRef {
  appointmentCode?: string;
  card?: CardIdentity;
}

/** How booking draws appointment codes. */
export interface AppointmentCodeOptions {
  /** Digits in a code (the kiosk's keypad takes APPOINTMENT_CODE_DIGITS); the first is never 0. */
  digits: number;
  /** A uniform integer in [min, max). */
  randomInt: (min: number, max: number) => number;
  /** Codes drawn before booking gives up: a bound, so a code space that is (nearly) full refuses instead of spinning. */
  tries: number;
}

/** Eight digits from the system's secure generator: 90 million codes, each free again once its appointment's day is past. */
export const APPOINTMENT_CODES: AppointmentCodeOptions = { digits: APPOINTMENT_CODE_DIGITS, randomInt, tries: 64 };

/**
 * Appointments (预约): booked ahead for a slot, checked in at the kiosk as a ticket (by code or ID card). The rules of
 * check-in are the domain's; this module finds the booking and keeps the ID number out of everything but a keyed hash.
 */
export class Appointments {
  /** The settings in force, read at each use: a change in the console applies to the next request. */
  private get hall(): HallConfig {
    return this.today.hall;
  }
  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
    private readonly idCards: IdCards,
    private readonly codes: AppointmentCodeOptions = APPOINTMENT_CODES,
  ) {}

  create(req: CreateAppointmentRequest, actor: Actor): Promise<Reply<AppointmentRecord>> {
    return this.pipeline.write('create-appointment', req.requestId, actor, (now, day) => {
      const type = this.today.windowType(req.windowType, 'windowType');
      const problem = ticketRequestProblem(this.hall, type, { serviceItem: req.serviceItem ?? null, priority: null });
      if (problem) throw ApiError.of(problem);
      // Past, beyond the booking horizon or no instant at all: refused before any calendar arithmetic sees the year.
      const slotProblem = bookingSlotProblem(req.slotStart, now, this.hall.policy, this.hall.timeZone);
      if (slotProblem) throw ApiError.of(slotProblem);
      const slotStart = new Date(req.slotStart);
      // A slot must fall in the type's opening hours (the day's cap does not bind a booking).
      const atSlot = checkIssuable({ hall: this.hall, windowType: type, now: slotStart, issuedToday: 0 });
      if (!atSlot.ok)
        throw ApiError.field('slotStart', `window type "${type.code}" is not open then: ${atSlot.message}`);
      const code = this.freeCode(day);
      const record: AppointmentRecord = {
        code,
        windowType: type.code,
        serviceItem: req.serviceItem ?? null,
        slotStart: slotStart.toISOString(),
        hallDay: hallDay(slotStart, this.hall.timeZone),
        ticketNumber: null,
      };
      const idNumber = req.idNumber === undefined ? null : this.idCards.digest(req.idNumber);
      this.store.insertAppointment(record, idNumber, actor, now.toISOString());
      this.store.journal.write({
        at: now.toISOString(),
        hallDay: this.today.day,
        type: 'appointment.created',
        actor,
        data: { code, windowType: type.code, slotStart: record.slotStart, idCard: idNumber !== null },
      });
      return { status: 201, body: record, apply: () => [] };
    });
  }

  /**
   * A code no appointment of `today` or later holds, drawn at random; a past day's code may come back. Refused after
   * `tries` draws all found taken.
   */
  private freeCode(today: string): string {
    const { digits, tries } = this.codes;
    const min = 10 ** (digits - 1);
    for (let i = 0; i < tries; i++) {
      const code = String(this.codes.randomInt(min, min * 10));
      if (!this.store.appointmentCodeTaken(code, today)) return code;
    }
    throw new ApiError(
      'appointment_codes_exhausted',
      `no free appointment code: ${tries} codes drawn were all held by appointments not yet past; ` +
        'try again, and if this repeats, fewer bookings ahead (policy.bookingHorizonDays) free codes sooner',
    );
  }

  /**
   * The booking a ticket request checks in, refused when it cannot check in now; undefined when the request names
   * none. Runs inside the write.
   */
  checkIn(ref: BookingRef, now: Date, day: string): AppointmentRow | undefined {
    const booked =
      ref.appointmentCode !== undefined
        ? this.byCode(ref.appointmentCode)
        : ref.card !== undefined
          ? this.byCard(ref.card, now, day)
          : undefined;
    if (!booked) return undefined;
    const problem = checkInProblem(booked, { now, day, policy: this.hall.policy });
    if (problem) {
      const { code, message, opensAt } = problem;
      throw new ApiError(code, message, opensAt === undefined ? {} : { opensAt });
    }
    return booked;
  }

  private byCode(code: string): AppointmentRow {
    const a = this.store.findAppointment(code);
    if (!a)
      throw new ApiError('not_found', 'no appointment with this code', {
        fields: [{ path: 'appointmentCode', message: 'unknown appointment code' }],
      });
    return a;
  }

  /** Today's appointment booked with the card's ID number, as the domain picks it among the person's bookings. */
  private byCard(card: CardIdentity, now: Date, day: string): AppointmentRow {
    const all = this.store.appointmentsByIdHash(card.hash, day);
    const found = pickBookingForCheckIn(all, now, this.hall.policy);
    // Never echo the number: refusals are logged and shown on screens.
    if (!found)
      throw new ApiError('not_found', 'no appointment today for this ID card', {
        fields: [{ path: 'idCard', message: 'no appointment today for this ID card' }],
      });
    return found;
  }
}
