import { z } from 'zod';
import { RatingLevel, RatingResult } from '../domain/rating';
import { HallDay } from '../domain/ticket';
import { RequestId } from './common';

/**
 * After a window finishes a service, the rating pad at that window asks the citizen (一次一评). The request stays open
 * until the citizen answers or `expiresAt` passes; then the server records `not_rated`.
 */
export const RatingRequest = z
  .object({
    id: z.string(),
    window: z.number().int().positive(),
    ticketNumber: z.string(),
    /** The clerk who served (staff id): shown as a number on the pad, never a name unless the hall configures it. */
    clerk: z.string().nullable(),
    requestedAt: z.string(),
    expiresAt: z.string(),
  })
  .strict();
export type RatingRequest = z.infer<typeof RatingRequest>;

/** One stored rating, with everything the evaluation (月度通报, 季考评) needs. */
export const RatingRecord = z
  .object({
    id: z.string(),
    hallDay: HallDay,
    ticketId: z.string(),
    ticketNumber: z.string(),
    window: z.number().int().positive(),
    clerk: z.string().nullable(),
    windowType: z.string(),
    serviceItem: z.string().nullable(),
    result: RatingResult,
    /**
     * For a bad rating: a reason code from the hall's list, or `other` — with the citizen's words where the device
     * could take them (a touch pad without an input method usually cannot: staff learn more on the call-back).
     */
    reason: z.object({ code: z.string(), text: z.string().nullable() }).strict().nullable(),
    requestedAt: z.string(),
    /** When the citizen answered, or when the request expired. */
    recordedAt: z.string(),
  })
  .strict();
export type RatingRecord = z.infer<typeof RatingRecord>;

export const SubmitRatingRequest = z
  .object({
    requestId: RequestId,
    level: RatingLevel,
    reason: z
      .object({ code: z.string().min(1).max(40), text: z.string().trim().min(1).max(500).optional() })
      .strict()
      .optional(),
  })
  .strict()
  .refine((r) => r.level === 'dissatisfied' || r.level === 'very_dissatisfied' || r.reason === undefined, {
    message: 'only a bad rating takes a reason',
    path: ['reason'],
  })
  .refine((r) => !(r.level === 'dissatisfied' || r.level === 'very_dissatisfied') || r.reason !== undefined, {
    message: 'a bad rating needs a reason',
    path: ['reason'],
  });
export type SubmitRatingRequest = z.infer<typeof SubmitRatingRequest>;

export const RatingResponse = z.object({ rating: RatingRecord }).strict();
export type RatingResponse = z.infer<typeof RatingResponse>;

export const RatingRequestParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'malformed id') }).strict();

/** A bad rating's follow-up (回访整改): call back, fix, reply, before the deadline. */
export const FollowUpStatus = z.enum(['open', 'assigned', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

export const FollowUpNote = z
  .object({ at: z.string(), by: z.string(), text: z.string(), calledBack: z.boolean() })
  .strict();
export type FollowUpNote = z.infer<typeof FollowUpNote>;

export const FollowUp = z
  .object({
    id: z.string(),
    rating: RatingRecord,
    status: FollowUpStatus,
    /** Last hall day to close it: the rating's day plus the configured working days. */
    deadline: HallDay,
    assignee: z.string().nullable(),
    notes: z.array(FollowUpNote),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    resolution: z.string().nullable(),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUp>;

export const FollowUpParam = RatingRequestParam;

export const FollowUpsResponse = z.object({ followUps: z.array(FollowUp) }).strict();
export type FollowUpsResponse = z.infer<typeof FollowUpsResponse>;
export const FollowUpResponse = z.object({ followUp: FollowUp }).strict();
export type FollowUpResponse = z.infer<typeof FollowUpResponse>;

export const AssignFollowUpRequest = z.object({ requestId: RequestId, staffId: z.string().min(1) }).strict();
export type AssignFollowUpRequest = z.infer<typeof AssignFollowUpRequest>;
export const NoteFollowUpRequest = z
  .object({ requestId: RequestId, text: z.string().trim().min(1).max(1000), calledBack: z.boolean().default(false) })
  .strict();
export type NoteFollowUpRequest = z.infer<typeof NoteFollowUpRequest>;
export const CloseFollowUpRequest = z
  .object({ requestId: RequestId, resolution: z.string().trim().min(1).max(1000) })
  .strict();
export type CloseFollowUpRequest = z.infer<typeof CloseFollowUpRequest>;

/** The clerk's day at a glance on the counter panel. */
export const ClerkSummary = z
  .object({
    staffId: z.string(),
    hallDay: HallDay,
    served: z.number().int().min(0),
    /** Mean minutes from start to finish of today's finished services; null before the first. */
    averageServiceMinutes: z.number().min(0).nullable(),
    ratings: z.record(RatingResult, z.number().int().min(0)),
  })
  .strict();
export type ClerkSummary = z.infer<typeof ClerkSummary>;
