import { z } from 'zod';
import type { HallConfig } from '../config/hall-config';
import { RequestId } from './common';
import type { RouteContract } from './route-contract';

/** 呼叫导办: a citizen at a kiosk asks for a guide to come and help. */
export const GuideCall = z
  .object({
    id: z.string(),
    /** The kiosk it was pressed on, and where that kiosk stands. */
    kiosk: z.string(),
    /** The kiosk's name in the hall file (一楼大厅取号机), for the guide to know where to go. */
    kioskName: z.string().nullable().default(null),
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

/**
 * A guide call as devices see it in the hall stream (kiosks, displays, window screens, rating pads): enough for the
 * kiosk that made it to say who is coming, and no more — not the zone, the reason or the staff id of who answered.
 */
export const PublicGuideCall = GuideCall.pick({
  id: true,
  kiosk: true,
  calledAt: true,
  answeredAt: true,
  answeredByName: true,
}).strict();
export type PublicGuideCall = z.infer<typeof PublicGuideCall>;

/** The one way a guide call becomes its public view: field by field, so nothing added to a call leaks by default. */
export function publicGuideCall(call: PublicGuideCall): PublicGuideCall {
  const { id, kiosk, calledAt, answeredAt, answeredByName } = call;
  return { id, kiosk, calledAt, answeredAt, answeredByName };
}

/**
 * A call with the names a stored row does not keep (the kiosk's, whoever answered), from the hall file: one function,
 * so a call read back after a restart reads as one just made.
 */
export function withNames(call: GuideCall, hall: Pick<HallConfig, 'staff' | 'devices'>): GuideCall {
  return {
    ...call,
    kioskName: hall.devices.kiosks.find((k) => k.id === call.kiosk)?.name ?? null,
    answeredByName: call.answeredBy === null ? null : (hall.staff.find((s) => s.id === call.answeredBy)?.name ?? null),
  };
}

export const CallGuideRequest = z
  .object({ requestId: RequestId, reason: GuideCall.shape.reason.default('general') })
  .strict();
export type CallGuideRequest = z.infer<typeof CallGuideRequest>;

export const AnswerGuideRequest = z.object({ requestId: RequestId }).strict();
export type AnswerGuideRequest = z.infer<typeof AnswerGuideRequest>;

export const GuideCallParam = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'malformed id') }).strict();

export const GuideCallResponse = z.object({ call: GuideCall }).strict();
export type GuideCallResponse = z.infer<typeof GuideCallResponse>;

/** What a kiosk is told of its own call: the public view, like every device. */
export const KioskGuideCallResponse = z.object({ call: PublicGuideCall }).strict();
export type KioskGuideCallResponse = z.infer<typeof KioskGuideCallResponse>;

export const GuideCallsResponse = z.object({ calls: z.array(GuideCall) }).strict();
export type GuideCallsResponse = z.infer<typeof GuideCallsResponse>;

export const guideCallRoutes = {
  callGuide: {
    method: 'POST',
    path: '/api/guide-calls',
    summary: '呼叫导办: a kiosk asks for a guide (idempotent by requestId)',
    auth: 'kiosk',
    body: CallGuideRequest,
    status: 201,
    response: KioskGuideCallResponse,
  },
  guideCall: {
    method: 'GET',
    path: '/api/guide-calls/:id',
    summary: 'One guide call, so the kiosk can tell the citizen somebody is coming',
    auth: 'kiosk',
    params: GuideCallParam,
    status: 200,
    response: KioskGuideCallResponse,
  },
  guideCalls: {
    method: 'GET',
    path: '/api/guide-calls',
    summary: "Today's guide calls not yet answered, oldest first",
    auth: 'staff',
    status: 200,
    response: GuideCallsResponse,
  },
  answerGuide: {
    method: 'POST',
    path: '/api/guide-calls/:id/answer',
    summary: 'A member of staff is on the way to the kiosk',
    auth: 'staff',
    params: GuideCallParam,
    body: AnswerGuideRequest,
    status: 200,
    response: GuideCallResponse,
  },
} as const satisfies Record<string, RouteContract>;
