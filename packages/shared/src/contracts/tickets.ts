import { z } from 'zod';
import { PriorityGroup, Ticket, TicketState } from '../domain/ticket';
import { IdNumber, RequestId } from './common';

export const IssueTicketRequest = z
  .object({
    /** Required unless an appointment code is given (the appointment names its window type). */
    windowType: z.string().min(1).optional(),
    serviceItem: z.string().min(1).optional(),
    priority: PriorityGroup.optional(),
    appointmentCode: z.string().min(1).max(40).optional(),
    /** Check in today's appointment booked with this resident ID number (read by the kiosk's card reader). */
    appointmentIdNumber: IdNumber.optional(),
    requestId: RequestId,
  })
  .strict()
  .refine((r) => r.windowType !== undefined || r.appointmentCode !== undefined || r.appointmentIdNumber !== undefined, {
    message: 'required unless appointmentCode or appointmentIdNumber is given',
    path: ['windowType'],
  })
  .refine((r) => r.appointmentCode === undefined || r.appointmentIdNumber === undefined, {
    message: 'give the appointment code or the ID number, not both',
    path: ['appointmentIdNumber'],
  });
export type IssueTicketRequest = z.infer<typeof IssueTicketRequest>;

export const IssuedTicket = z
  .object({
    ticket: Ticket,
    peopleAhead: z.number().int().min(0),
    estimatedWaitMinutes: z.number().int().min(0).nullable(),
    /** Windows that serve this ticket's type. */
    windows: z.array(z.number().int()),
    /** Secret of the public status page; printed as a QR code. */
    statusToken: z.string(),
    statusPath: z.string(),
  })
  .strict();
export type IssuedTicket = z.infer<typeof IssuedTicket>;

/** The public status behind the ticket's QR code: nothing personal. */
export const TicketStatus = z
  .object({
    number: z.string(),
    hallDay: z.string(),
    windowType: z.string(),
    state: TicketState,
    peopleAhead: z.number().int().min(0).nullable(),
    estimatedWaitMinutes: z.number().int().min(0).nullable(),
    window: z.number().int().nullable(),
    calls: z.number().int(),
    issuedAt: z.string(),
    calledAt: z.string().nullable(),
    /** The ticket's day is over: it will not be called any more, whatever state it was left in. */
    expired: z.boolean(),
  })
  .strict();
export type TicketStatus = z.infer<typeof TicketStatus>;

export const CancelTicketRequest = z.object({ requestId: RequestId, reason: z.string().max(200).optional() }).strict();
export type CancelTicketRequest = z.infer<typeof CancelTicketRequest>;

export const ReactivateTicketRequest = z.object({ requestId: RequestId }).strict();
export type ReactivateTicketRequest = z.infer<typeof ReactivateTicketRequest>;

export const TicketResponse = z.object({ ticket: Ticket }).strict();
export type TicketResponse = z.infer<typeof TicketResponse>;

export const CreateAppointmentRequest = z
  .object({
    requestId: RequestId,
    windowType: z.string().min(1),
    serviceItem: z.string().min(1).optional(),
    /** Slot start, ISO 8601 with offset. */
    slotStart: z.iso.datetime({ offset: true }),
    /** The applicant's resident ID number, so the kiosk's card reader can check them in; stored only as a hash. */
    idNumber: IdNumber.optional(),
  })
  .strict();
export type CreateAppointmentRequest = z.infer<typeof CreateAppointmentRequest>;

export const AppointmentRecord = z
  .object({
    code: z.string(),
    windowType: z.string(),
    serviceItem: z.string().nullable(),
    slotStart: z.string(),
    hallDay: z.string(),
    /** The ticket it was checked in as, once it was. */
    ticketNumber: z.string().nullable(),
  })
  .strict();
export type AppointmentRecord = z.infer<typeof AppointmentRecord>;
