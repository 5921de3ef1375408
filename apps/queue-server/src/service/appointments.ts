import { createHmac, randomInt } from 'node:crypto';
import type { AppointmentRecord, CreateAppointmentRequest, HallConfig } from '@hallq/shared/contracts';
import {
  checkInProblem,
  checkIssuable,
  hallDay,
  pickBookingForCheckIn,
  ticketRequestProblem,
} from '@hallq/shared/domain';
import type { AppointmentRow, HallStore, IdNumberDigest } from '../store/hall-store';
import { ApiError } from './api-error';
import type { HallDay } from './hall-day';
import type { Actor, Reply, WritePipeline } from './write-pipeline';

/** How a ticket request names its booking: by the code, or by the ID card read at the kiosk. */
export interface BookingRef {
  appointmentCode?: string;
  appointmentIdNumber?: string;
}

/**
 * Appointments (预约): booked ahead for a slot, checked in at the kiosk as a ticket (by code or ID card). The rules of
 * check-in are the domain's; this module finds the booking and keeps the ID number out of everything but a keyed hash.
 */
export class Appointments {
  private readonly hall: HallConfig;
  private readonly idNumberKey: Buffer;

  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
  ) {
    this.hall = today.hall;
    this.idNumberKey = store.installationSecret('id_number_hmac');
  }

  create(req: CreateAppointmentRequest, actor: Actor): Promise<Reply<AppointmentRecord>> {
    return this.pipeline.write('create-appointment', req.requestId, actor, (now) => {
      const type = this.today.windowType(req.windowType, 'windowType');
      const problem = ticketRequestProblem(this.hall, type, { serviceItem: req.serviceItem ?? null, priority: null });
      if (problem) throw ApiError.of(problem);
      const slotStart = new Date(req.slotStart);
      if (slotStart.getTime() < now.getTime()) throw ApiError.field('slotStart', 'the slot has already begun');
      // A slot must fall in the type's opening hours (the day's cap does not bind a booking).
      const atSlot = checkIssuable({ hall: this.hall, windowType: type, now: slotStart, issuedToday: 0 });
      if (!atSlot.ok)
        throw ApiError.field('slotStart', `window type "${type.code}" is not open then: ${atSlot.message}`);
      let code: string;
      do code = String(randomInt(100000, 1000000));
      while (this.store.findAppointment(code));
      const record: AppointmentRecord = {
        code,
        windowType: type.code,
        serviceItem: req.serviceItem ?? null,
        slotStart: slotStart.toISOString(),
        hallDay: hallDay(slotStart, this.hall.timeZone),
        ticketNumber: null,
      };
      const idNumber = req.idNumber === undefined ? null : this.idNumberDigest(req.idNumber);
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
   * The booking a ticket request checks in, refused when it cannot check in now; undefined when the request names
   * none. Runs inside the write.
   */
  checkIn(ref: BookingRef, now: Date, day: string): AppointmentRow | undefined {
    const booked =
      ref.appointmentCode !== undefined
        ? this.byCode(ref.appointmentCode)
        : ref.appointmentIdNumber !== undefined
          ? this.byIdNumber(ref.appointmentIdNumber, now, day)
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
      throw new ApiError('not_found', `no appointment with code ${code}`, {
        fields: [{ path: 'appointmentCode', message: 'unknown appointment code' }],
      });
    return a;
  }

  /** Today's appointment booked with this ID number, as the domain picks it among the person's bookings. */
  private byIdNumber(idNumber: string, now: Date, day: string): AppointmentRow {
    const all = this.store.appointmentsByIdHash(this.idNumberDigest(idNumber).hash, day);
    const found = pickBookingForCheckIn(all, now, this.hall.policy);
    // Never echo the number: refusals are logged and shown on screens.
    if (!found)
      throw new ApiError('not_found', 'no appointment today for this ID card', {
        fields: [{ path: 'appointmentIdNumber', message: 'no appointment today for this ID number' }],
      });
    return found;
  }

  /** HMAC-SHA256 under this installation's secret, and the last four characters; never the number itself. */
  private idNumberDigest(idNumber: string): IdNumberDigest {
    return { hash: createHmac('sha256', this.idNumberKey).update(idNumber).digest('hex'), last4: idNumber.slice(-4) };
  }
}
