import { z } from 'zod';
import { LanguageCode } from '../config/hall-config';

export const TicketState = z.enum([
  'waiting',
  'called',
  'serving',
  'finished',
  'no_show',
  'cancelled',
  /** Handed on to another window type or window: waiting again there, with the same number, ahead of normal tickets. */
  'transferred',
]);
export type TicketState = z.infer<typeof TicketState>;

/** States in which a ticket sits in a queue and can be called. */
export const QUEUED_STATES: readonly TicketState[] = ['waiting', 'transferred'];
/** States that end the ticket's day (no_show can still be reactivated the same day). */
export const ENDED_STATES: readonly TicketState[] = ['finished', 'no_show', 'cancelled'];

/** 绿色通道 groups served first (DOMAIN.md, People and rules). */
export const PriorityGroup = z.enum(['elderly', 'disabled', 'pregnant', 'military']);
export type PriorityGroup = z.infer<typeof PriorityGroup>;

export const HallDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
export type HallDay = z.infer<typeof HallDay>;

/** What a window did with the application (DOMAIN.md, outcomes). */
export const Outcome = z.discriminatedUnion('kind', [
  /** 办结: done on the spot. */
  z.object({ kind: z.literal('completed') }).strict(),
  /** 受理: accepted, with the promised completion date. */
  z.object({ kind: z.literal('accepted'), promisedDate: HallDay, caseNumber: z.string().min(1).optional() }).strict(),
  /** 一次性告知: materials missing, all named at once. */
  z.object({ kind: z.literal('incomplete'), missingMaterials: z.array(z.string().min(1)).min(1) }).strict(),
  /**
   * 不予受理: not accepted, with the reason, and where to apply instead when another body handles it (the notice must
   * say so). Optional, so the tickets stored before it was asked for still parse.
   */
  z
    .object({ kind: z.literal('rejected'), reason: z.string().min(1), referTo: z.string().min(1).max(200).optional() })
    .strict(),
  /** 转交: handed to a window type or a window. */
  z
    .object({
      kind: z.literal('transferred'),
      toWindowType: z.string().min(1).optional(),
      toWindow: z.number().int().positive().optional(),
      note: z.string().max(500).optional(),
    })
    .strict()
    .refine((o) => o.toWindowType !== undefined || o.toWindow !== undefined, {
      message: 'name the window type or the window to transfer to',
      path: ['toWindowType'],
    }),
]);
export type Outcome = z.infer<typeof Outcome>;

export const Appointment = z
  .object({
    code: z.string().min(1),
    /** Start of the booked slot, ISO 8601 with offset. */
    slotStart: z.string(),
  })
  .strict();
export type Appointment = z.infer<typeof Appointment>;

export const TransferTarget = z
  .object({
    fromWindow: z.number().int().positive(),
    toWindowType: z.string(),
    /** Set when the ticket was handed to one window rather than to any window of the type. */
    toWindow: z.number().int().positive().optional(),
    note: z.string().optional(),
  })
  .strict();
export type TransferTarget = z.infer<typeof TransferTarget>;

/** The full ticket as the server and staff screens know it. Times are ISO 8601 strings in UTC. */
export const Ticket = z
  .object({
    id: z.string(),
    hallDay: HallDay,
    /** A001: prefix plus three digits; past 999 it grows a digit. */
    number: z.string(),
    /** The running number within its window type and day (1 for A001). */
    sequence: z.number().int().positive(),
    /** The window type whose queue holds the ticket now (changes on transfer). */
    windowType: z.string(),
    serviceItem: z.string().nullable(),
    priority: PriorityGroup.nullable(),
    appointment: Appointment.nullable(),
    state: TicketState,
    /** Times called at the current window (1 after call, +1 per recall). */
    calls: z.number().int().min(0),
    window: z.number().int().positive().nullable(),
    clerk: z.string().nullable(),
    /** Queue order key (epoch ms): the oldest rank is served first within its class. */
    rank: z.number(),
    /**
     * The last hand-over: set while the ticket waits as transferred, and kept through the call, the service and the
     * finish at the receiving window, whose clerk the note was written for. A later transfer replaces it.
     */
    transfer: TransferTarget.nullable(),
    outcome: Outcome.nullable(),
    /**
     * The service items the finish recorded as handled (事项办件量): what the clerk confirmed, by default the item chosen
     * at the kiosk. Empty until the ticket is finished, and after a transfer (the next window records its own).
     */
    servedItems: z.array(z.string()),
    /**
     * The language the citizen took the ticket in (the kiosk's screen then): the written notices use it where a
     * translation exists. A ticket stored before it was kept reads as Chinese.
     */
    language: LanguageCode.default('zh'),
    issuedAt: z.string(),
    calledAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .strict();
export type Ticket = z.infer<typeof Ticket>;
