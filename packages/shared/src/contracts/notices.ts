import { z } from 'zod';
import { RequestId } from './common';
import type { RouteContract } from './route-contract';

/**
 * Notices to citizens (and, where the hall wants it, reminders to staff), sent by the hall's configured sender: the SMS
 * modem (短信猫) on the server PC or on a kiosk's PC, an HTTP SMS gateway, or the window (the notice is printed for the window, whose
 * clerk phones the citizen). Every notice is queued in the transaction that makes it, sent once, retried with backoff,
 * and erased (text gone, phone masked) once it reached its reader.
 */
export const NoticeKind = z.enum([
  /** A result waits in a pickup locker: the text carries the pickup code. */
  'pickup_ready',
  /** A result has waited in the locker past the hall's pickup days. */
  'pickup_overdue',
  /** A 差评 follow-up's call-back is due: a reminder to the member of staff who owns it. */
  'follow_up_callback',
  /** The manager's test of the sender (设置 → 通知发送): a fixed text, nothing of anyone's business. */
  'test',
]);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const NoticeSenderKind = z.enum(['modem', 'gateway', 'window', 'kiosk']);
export type NoticeSenderKind = z.infer<typeof NoticeSenderKind>;

export const NoticeStatus = z.enum([
  /** Waiting for its first try, or for the next one after a failure (`nextAttemptAt`). */
  'pending',
  /** Handed to the modem or gateway, which accepted it; no delivery report yet (or none will come). */
  'sent',
  /** The network reported it delivered to the phone: erased. */
  'delivered',
  /** Every try failed, or the network reported it undeliverable: the manager resends it or hands it to the window. */
  'failed',
  /** Printed for (or handed to) the window: a clerk phones the citizen and marks it relayed. */
  'at_window',
  /** A person relayed it by hand (the window's clerk or the manager): erased. */
  'relayed',
  /** No longer needed before it went out (the item was collected first): erased, never sent. */
  'withdrawn',
]);
export type NoticeStatus = z.infer<typeof NoticeStatus>;

/** One notice as the manager sees it. The phone is masked (138****5678) and the text null once the notice is erased. */
export const Notice = z
  .object({
    id: z.string(),
    kind: NoticeKind,
    /** What the notice is about, for the manager: "智能柜 A 03 号格口" or a follow-up's ticket number; never personal. */
    subject: z.string(),
    status: NoticeStatus,
    /** The sender that took (or will take) it; `window` once handed to the window. */
    sender: NoticeSenderKind,
    phone: z.string(),
    text: z.string().nullable(),
    attempts: z.number().int().min(0),
    /** The last failure in the sender's words ("+CMS ERROR 38: network out of order", "HTTP 502", "timed out"). */
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    erasedAt: z.string().nullable(),
  })
  .strict();
export type Notice = z.infer<typeof Notice>;

export const NoticesQuery = z
  .object({
    status: NoticeStatus.optional(),
    /** Newest first; at most this many. */
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();
export type NoticesQuery = z.infer<typeof NoticesQuery>;

export const NoticesResponse = z
  .object({
    /** Which sender the hall's settings name, and whether it is ready (the modem answered, the gateway is set). */
    sender: z
      .object({
        kind: NoticeSenderKind,
        ready: z.boolean(),
        /** Why it is not ready, or the modem's signal and network ("信号 18/31，已注册"). */
        detail: z.string().nullable(),
      })
      .strict(),
    /** How many notices are in each status (over all time kept, not only the listed ones). */
    counts: z.record(NoticeStatus, z.number().int().min(0)),
    notices: z.array(Notice),
  })
  .strict();
export type NoticesResponse = z.infer<typeof NoticesResponse>;

export const NoticeIdParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a notice id') }).strict();

export const NoticeActionRequest = z.object({ requestId: RequestId }).strict();
export type NoticeActionRequest = z.infer<typeof NoticeActionRequest>;

/** A test SMS to the phone the manager typed (their own, usually), through the sender in force. */
export const TestNoticeRequest = z
  .object({ requestId: RequestId, phone: z.string().regex(/^1\d{10}$/, 'must be an 11-digit mobile number') })
  .strict();
export type TestNoticeRequest = z.infer<typeof TestNoticeRequest>;

export const NoticeResponse = z.object({ notice: Notice }).strict();
export type NoticeResponse = z.infer<typeof NoticeResponse>;

/** What the kiosk's notice agent asks for: the due notice, if any, claimed for it alone until it reports or the lease ends. */
export const NoticeClaimRequest = z.object({ requestId: RequestId }).strict();
export type NoticeClaimRequest = z.infer<typeof NoticeClaimRequest>;

export const ClaimedNotice = z
  .object({
    id: z.string(),
    phone: z.string(),
    text: z.string(),
    /** Unreported after this long, the claim lapses: the try counts as failed and the notice is offered again. */
    leaseSeconds: z.number().int().positive(),
  })
  .strict();
export type ClaimedNotice = z.infer<typeof ClaimedNotice>;

/** The notice claimed (the same one again for a repeated requestId), or null when none is due. */
export const NoticeClaimResponse = z.object({ notice: ClaimedNotice.nullable() }).strict();
export type NoticeClaimResponse = z.infer<typeof NoticeClaimResponse>;

/** A message reference (TP-MR) as the modem gave it in +CMGS. */
const MessageReference = z.number().int().min(0).max(255);

/** What became of a claimed notice at the kiosk's modem. The error is the modem's words, never the phone or the text. */
export const NoticeResultRequest = z.discriminatedUnion('outcome', [
  z
    .object({ requestId: RequestId, outcome: z.literal('sent'), references: z.array(MessageReference).min(1).max(20) })
    .strict(),
  z
    .object({
      requestId: RequestId,
      outcome: z.literal('failed'),
      error: z.string().trim().min(1, 'must say why').max(300),
      /** Whether another try may help (a network out of order may come back, an unassigned number will not). */
      retry: z.boolean(),
    })
    .strict(),
]);
export type NoticeResultRequest = z.infer<typeof NoticeResultRequest>;

/** Whether the result was taken: false when the claim had lapsed (the notice was tried again or is no longer due). */
export const NoticeResultResponse = z.object({ applied: z.boolean() }).strict();
export type NoticeResultResponse = z.infer<typeof NoticeResultResponse>;

export const PartDeliveryReport = z
  .object({
    reference: MessageReference,
    state: z.enum(['delivered', 'failed']),
    /** The network's words ("received by the recipient", "validity period expired"). */
    meaning: z.string().max(200),
  })
  .strict();
export type PartDeliveryReport = z.infer<typeof PartDeliveryReport>;

export const NoticeReportsRequest = z
  .object({ requestId: RequestId, reports: z.array(PartDeliveryReport).min(1).max(100) })
  .strict();
export type NoticeReportsRequest = z.infer<typeof NoticeReportsRequest>;

/** The kiosk's modem as its agent last found it: the manager's list shows it as the sender's readiness. */
export const NoticeAgentStatus = z
  .object({
    /** +CSQ 0–31, null when the modem does not know or could not be asked. */
    signal: z.number().int().min(0).max(31).nullable(),
    registered: z.boolean(),
    registration: z.enum(['home', 'roaming', 'searching', 'denied', 'not-registered', 'unknown']).nullable(),
    /** Why the modem cannot send (not open, no SIM), in the driver's words; null when it answered. */
    problem: z.string().max(300).nullable(),
  })
  .strict();
export type NoticeAgentStatus = z.infer<typeof NoticeAgentStatus>;

export const NoticeAgentDone = z.object({ ok: z.literal(true) }).strict();

export const noticeRoutes = {
  notices: {
    method: 'GET',
    path: '/api/notices',
    summary: 'Notices newest first, with the sender and its readiness and the count in each status',
    auth: 'manager',
    query: NoticesQuery,
    status: 200,
    response: NoticesResponse,
  },
  resendNotice: {
    method: 'POST',
    path: '/api/notices/:id/resend',
    summary: 'Try a failed (or sent but never delivered) notice again through the sender, its tries counted afresh',
    auth: 'manager',
    params: NoticeIdParam,
    body: NoticeActionRequest,
    status: 200,
    response: NoticeResponse,
  },
  handNoticeToWindow: {
    method: 'POST',
    path: '/api/notices/:id/hand-to-window',
    summary: 'Stop sending a notice and give it to the window by hand: a clerk phones the citizen',
    auth: 'manager',
    params: NoticeIdParam,
    body: NoticeActionRequest,
    status: 200,
    response: NoticeResponse,
  },
  testNotice: {
    method: 'POST',
    path: '/api/notices/test',
    summary: 'Queue a test SMS to a phone through the sender in force (at most one a minute); it shows in the outbox',
    auth: 'manager',
    body: TestNoticeRequest,
    status: 200,
    response: NoticeResponse,
  },
  noticeRelayed: {
    method: 'POST',
    path: '/api/notices/:id/relayed',
    summary: 'A person relayed the notice to its reader: its text is erased and its phone masked',
    auth: 'manager',
    params: NoticeIdParam,
    body: NoticeActionRequest,
    status: 200,
    response: NoticeResponse,
  },
  claimNotice: {
    method: 'POST',
    path: '/api/notice-agent/claim',
    summary: "The kiosk whose PC has the hall's 短信猫 (notices.kiosk) takes the due notice to send, leased to it",
    auth: 'kiosk',
    body: NoticeClaimRequest,
    status: 200,
    response: NoticeClaimResponse,
  },
  noticeResult: {
    method: 'POST',
    path: '/api/notice-agent/:id/result',
    summary:
      "The notice kiosk's word on a claimed notice: sent (its message references) or failed (why, and if a retry may help)",
    auth: 'kiosk',
    params: NoticeIdParam,
    body: NoticeResultRequest,
    status: 200,
    response: NoticeResultResponse,
  },
  noticeReports: {
    method: 'POST',
    path: '/api/notice-agent/reports',
    summary: "Delivery reports the notice kiosk's modem received, by message reference",
    auth: 'kiosk',
    body: NoticeReportsRequest,
    status: 200,
    response: NoticeAgentDone,
  },
  noticeAgentStatus: {
    method: 'POST',
    path: '/api/notice-agent/status',
    summary: "The notice kiosk's modem (signal, network), shown to the manager as the sender's readiness",
    auth: 'kiosk',
    body: NoticeAgentStatus,
    status: 200,
    response: NoticeAgentDone,
  },
} as const satisfies Record<string, RouteContract>;
