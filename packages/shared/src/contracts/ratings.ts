import { z } from 'zod';
import { FollowUp, RatingLevel, RatingRecord, RatingResult } from '../domain/rating';
import { HallDay } from '../domain/ticket';
import { RequestId } from './common';
import type { RouteContract } from './route-contract';

// The rating request, the stored rating and the follow-up are domain data (their lifecycle is in
// domain/rating-lifecycle.ts); the contract speaks them as they are.
export { FollowUp, FollowUpNote, FollowUpStatus, RatingRecord, RatingRequest } from '../domain/rating';

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

export const ratingRoutes = {
  submitRating: {
    method: 'POST',
    path: '/api/ratings/:id',
    summary: '好差评: the citizen answers a rating request on the pad at the window',
    auth: 'rating_pad',
    params: RatingRequestParam,
    body: SubmitRatingRequest,
    status: 200,
    response: RatingResponse,
  },
  followUps: {
    method: 'GET',
    path: '/api/follow-ups',
    summary: 'Bad-rating follow-ups not yet closed, oldest deadline first',
    auth: 'department_lead',
    status: 200,
    response: FollowUpsResponse,
  },
  assignFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:id/assign',
    summary: 'Give a follow-up to a member of staff',
    auth: 'department_lead',
    params: FollowUpParam,
    body: AssignFollowUpRequest,
    status: 200,
    response: FollowUpResponse,
  },
  noteFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:id/note',
    summary: 'Note what was done (the call-back to the citizen, the fix)',
    auth: 'department_lead',
    params: FollowUpParam,
    body: NoteFollowUpRequest,
    status: 200,
    response: FollowUpResponse,
  },
  closeFollowUp: {
    method: 'POST',
    path: '/api/follow-ups/:id/close',
    summary: 'Close a follow-up with its resolution',
    auth: 'department_lead',
    params: FollowUpParam,
    body: CloseFollowUpRequest,
    status: 200,
    response: FollowUpResponse,
  },
  followUpArchive: {
    method: 'GET',
    path: '/api/follow-ups/archive',
    summary: 'Closed follow-ups (整改台账) of the departments the caller answers for, the latest closed first',
    auth: 'department_lead',
    status: 200,
    response: FollowUpsResponse,
  },
} as const satisfies Record<string, RouteContract>;
