import { z } from 'zod';
import { RequestId } from './common';

/** 呼叫导办: a citizen at a kiosk asks for a guide to come and help. */
export const GuideCall = z
  .object({
    id: z.string(),
    /** The kiosk it was pressed on, and where that kiosk stands. */
    kiosk: z.string(),
    zone: z.string(),
    /** Why, when the citizen chose a reason on the kiosk. */
    reason: z.enum(['general', 'priority', 'language', 'appointment']),
    calledAt: z.string(),
    answeredAt: z.string().nullable(),
    /** Staff id of whoever answered. */
    answeredBy: z.string().nullable(),
    /** Their name, for the kiosk to say who is coming (a guide's name is on their badge; staff names are public). */
    answeredByName: z.string().nullable().default(null),
  })
  .strict();
export type GuideCall = z.infer<typeof GuideCall>;

export const CallGuideRequest = z
  .object({ requestId: RequestId, reason: GuideCall.shape.reason.default('general') })
  .strict();
export type CallGuideRequest = z.infer<typeof CallGuideRequest>;

export const AnswerGuideRequest = z.object({ requestId: RequestId }).strict();
export type AnswerGuideRequest = z.infer<typeof AnswerGuideRequest>;

export const GuideCallParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'malformed id') }).strict();

export const GuideCallResponse = z.object({ call: GuideCall }).strict();
export type GuideCallResponse = z.infer<typeof GuideCallResponse>;

export const GuideCallsResponse = z.object({ calls: z.array(GuideCall) }).strict();
export type GuideCallsResponse = z.infer<typeof GuideCallsResponse>;
