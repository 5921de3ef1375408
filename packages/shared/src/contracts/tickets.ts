import { z } from 'zod';
import { LanguageCode } from '../config/hall-config';
import { PriorityGroup, Ticket, TicketState } from '../domain/ticket';
import { CardProof, IdNumber, RequestId, StatusTokenParam, TicketNumberParam } from './common';
import type { RouteContract } from './route-contract';

export const IssueTicketRequest = z
  .object({
    /** Required unless an appointment code is given (the appointment names its window type). */
    windowType: z.string().min(1).optional(),
    serviceItem: z.string().min(1).optional(),
    priority: PriorityGroup.optional(),
    appointmentCode: z.string().min(1).max(40).optional(),
    /**
     * The resident ID card placed on the kiosk's reader, as the kiosk's main process sealed it (`sealCardProof` in
     * @hallq/devices: the number's keyed hash and last four characters, never the number). Without a window type it
     * checks in that person's appointment of today; with one it takes a ticket recorded against the card, which a
     * type with `perPersonDailyCap` requires.
     */
    idCard: CardProof.optional(),
    /** The language of the kiosk's screen: the ticket keeps it for the written notices. One of the hall's languages. */
    language: LanguageCode.optional(),
    requestId: RequestId,
  })
  .strict()
  .refine((r) => r.windowType !== undefined || r.appointmentCode !== undefined || r.idCard !== undefined, {
    message: 'required unless appointmentCode or idCard is given',
    path: ['windowType'],
  })
  .refine((r) => r.appointmentCode === undefined || r.idCard === undefined, {
    message: 'give the appointment code or the ID card, not both',
    path: ['idCard'],
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
    /** The language the ticket was taken in: the phone page opens in it (a screen language, nothing personal). */
    language: LanguageCode,
    /** The ticket's day is over: it will not be called any more, whatever state it was left in. */
    expired: z.boolean(),
  })
  .strict();
export type TicketStatus = z.infer<typeof TicketStatus>;

/** One thing that happened to a ticket today, as the journal holds it: what the guide desk reads to explain it. */
export const TicketHistoryEntry = z
  .object({
    at: z.string(),
    /** The journal entry's type (`ticket.issued`, `ticket.called`, `ticket.markedNoShow` …). */
    type: z.string(),
    /** Who did it: `staff:<id>`, `kiosk:<id>`, `phone` (the citizen), `system`. */
    actor: z.string(),
    window: z.number().int().nullable(),
  })
  .strict();
export type TicketHistoryEntry = z.infer<typeof TicketHistoryEntry>;

/** The guide desk's look at one ticket of the day (导办台查询): where it is and why. */
export const TicketTrace = z
  .object({
    ticket: Ticket,
    /** Its place in its queue as the call policy orders it now (1: called next), while it waits; else null. */
    position: z.number().int().positive().nullable(),
    /** The windows open now that call its window type; none means nobody will call it until one opens. */
    servingWindows: z.array(z.number().int()),
    history: z.array(TicketHistoryEntry),
    /** Whether it can be reactivated now by the hall's rule, and why not. */
    reactivation: z.object({ allowed: z.boolean(), reason: z.string().nullable() }).strict(),
  })
  .strict();
export type TicketTrace = z.infer<typeof TicketTrace>;

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

/** The day's appointments for the guide desk, by slot: no ID number, only whether one was given for the card reader. */
export const AppointmentsResponse = z
  .object({ appointments: z.array(AppointmentRecord.extend({ byIdCard: z.boolean() }).strict()) })
  .strict();
export type AppointmentsResponse = z.infer<typeof AppointmentsResponse>;

/** The installation's ID-number secret, for a kiosk's main process to hash and seal its card reads with. */
export const IdCardKeyResponse = z.object({ key: z.string() }).strict();
export type IdCardKeyResponse = z.infer<typeof IdCardKeyResponse>;

export const ticketRoutes = {
  idCardKey: {
    method: 'GET',
    path: '/api/kiosk/id-card-key',
    summary:
      "The key a kiosk's card reader hashes and seals ID numbers with (a kiosk key only; the kiosk keeps it in memory)",
    auth: 'kiosk',
    status: 200,
    response: IdCardKeyResponse,
  },
  issueTicket: {
    method: 'POST',
    path: '/api/tickets',
    summary: 'Take a ticket (idempotent by requestId)',
    auth: 'issuer',
    body: IssueTicketRequest,
    status: 201,
    response: IssuedTicket,
  },
  ticketStatus: {
    method: 'GET',
    path: '/api/tickets/status/:token',
    summary: 'Public status of one ticket, for the phone page',
    auth: 'public',
    params: StatusTokenParam,
    status: 200,
    response: TicketStatus,
  },
  giveUpTicket: {
    method: 'POST',
    path: '/api/tickets/status/:token/cancel',
    summary: 'The citizen gives the ticket up from the phone page',
    auth: 'public',
    params: StatusTokenParam,
    body: CancelTicketRequest,
    status: 200,
    response: TicketStatus,
  },
  cancelTicket: {
    method: 'POST',
    path: '/api/tickets/:number/cancel',
    summary: "Cancel today's ticket (a kiosk whose print failed, or staff)",
    auth: 'issuer',
    params: TicketNumberParam,
    body: CancelTicketRequest,
    status: 200,
    response: TicketResponse,
  },
  reactivateTicket: {
    method: 'POST',
    path: '/api/tickets/:number/reactivate',
    summary: "Put today's no-show ticket back in its queue, a few places behind the head",
    auth: 'guide_desk',
    params: TicketNumberParam,
    body: ReactivateTicketRequest,
    status: 200,
    response: TicketResponse,
  },
  ticketTrace: {
    method: 'GET',
    path: '/api/tickets/:number/trace',
    summary: 'One ticket of today for the guide desk: its state, its place in the queue, its history, why it waits',
    auth: 'guide_desk',
    params: TicketNumberParam,
    status: 200,
    response: TicketTrace,
  },
  appointments: {
    method: 'GET',
    path: '/api/appointments',
    summary: "Today's appointments by slot, checked in or not (no ID numbers)",
    auth: 'guide_desk',
    status: 200,
    response: AppointmentsResponse,
  },
  createAppointment: {
    method: 'POST',
    path: '/api/appointments',
    summary: 'Book an appointment slot (on site or on behalf of a caller)',
    auth: 'staff',
    body: CreateAppointmentRequest,
    status: 201,
    response: AppointmentRecord,
  },
} as const satisfies Record<string, RouteContract>;
