import { z } from 'zod';
import { HallDay } from './ticket';

/** 好差评: five levels, best first; the last two are bad ratings (差评) that need a reason and a follow-up. */
export const RatingLevel = z.enum([
  'very_satisfied',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'very_dissatisfied',
]);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const BAD_RATING_LEVELS: readonly RatingLevel[] = ['dissatisfied', 'very_dissatisfied'];
export const isBadRating = (level: RatingLevel): boolean => BAD_RATING_LEVELS.includes(level);

/** What a rating request ended as: a level, or `not_rated` when nobody answered in time (never "satisfied"). */
export const RatingResult = z.union([RatingLevel, z.literal('not_rated')]);
export type RatingResult = z.infer<typeof RatingResult>;

/** A bad rating's reason: a code from the hall's list, or `other`, with the citizen's words where the pad took them. */
export const RatingReason = z.object({ code: z.string(), text: z.string().nullable() }).strict();
export type RatingReason = z.infer<typeof RatingReason>;

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
    reason: RatingReason.nullable(),
    requestedAt: z.string(),
    /** When the citizen answered, or when the request expired. */
    recordedAt: z.string(),
  })
  .strict();
export type RatingRecord = z.infer<typeof RatingRecord>;

/**
 * A rating request through its life, as the server keeps it: open while `result` is null; then ended, with the
 * citizen's answer or not_rated, and the instant it was recorded. `ratingRequestOf` and `ratingRecordOf` in
 * rating-lifecycle.ts give the two faces it shows.
 */
export const Rating = RatingRecord.extend({
  expiresAt: z.string(),
  result: RatingResult.nullable(),
  recordedAt: z.string().nullable(),
}).strict();
export type Rating = z.infer<typeof Rating>;

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
