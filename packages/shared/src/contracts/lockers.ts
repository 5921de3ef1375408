/**
 * 自助取件柜: results handed out from a self-service locker (统一窗口出件).
 *
 * A compartment moves through (domain/locker.ts, pure):
 *
 *   free ──deposit──▶ opening ──opened──▶ awaiting_close ──closed──▶ occupied (code issued, notice sent)
 *     ▲                                                                  │ right code at the locker
 *     └────closed── awaiting_pickup_close ◀──opened── opening_for_pickup ◀┘
 *
 *   Staff may retrieve an item (overdue, to hand over at the window or send by post; or from a faulty compartment):
 *   occupied | faulty ──retrieve──▶ opening_for_pickup ──opened──▶ awaiting_pickup_close ──closed──▶ free.
 *
 *   Any door failure — the board reports it could not open, no "opened" within the open timeout, no "closed"
 *   within the close timeout — makes it `faulty`: out of use, the item still recorded against it, shown to staff.
 *
 * The command channel: the locker's kiosk main process owns the serial bus. The server sends door commands over the
 * locker's socket (`{ room: 'locker', token }`, event `lockerCommands`, each with a commandId; every command still in
 * flight is sent again when the locker connects, so the locker must treat a commandId it has seen as done). The
 * locker answers over HTTP: `POST /api/locker/commands/:commandId/report` with opened, open_failed or closed, each
 * idempotent by requestId, and a report about a command no longer in flight is answered `applied: false`. Every
 * command and report is journaled.
 *
 * The pickup code is random, single use, stored only as a keyed hash, and never in any staff answer or event: it
 * goes to the applicant as a notice (`notices.ts`), which keeps it only until the notice reached the applicant or the
 * item left the locker.
 */
import { z } from 'zod';
import { CompartmentSize } from '../config/hall-config';
import { Compartment, DoorPurpose, Keypad } from '../domain/locker';
import { isMaskedName } from '../domain/masking';
import { RequestId } from './common';
import type { RouteContract } from './route-contract';

const LockerId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be a locker id');
export const LockerParam = z.object({ locker: LockerId }).strict();
export const CommandParam = z
  .object({ commandId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'must be a command id') })
  .strict();

/** A compartment as staff see it: everything but the code's hash. */
export const CompartmentView = Compartment.omit({ codeHash: true })
  .extend({
    /** Stored longer than the hall's lockerOverdueDays. */
    overdue: z.boolean(),
  })
  .strict();
export type CompartmentView = z.infer<typeof CompartmentView>;

export const LockerView = z
  .object({
    id: z.string(),
    name: z.string(),
    zone: z.string(),
    keypad: Keypad,
    compartments: z.array(CompartmentView),
  })
  .strict();
export type LockerView = z.infer<typeof LockerView>;

export const LockersResponse = z.object({ lockers: z.array(LockerView) }).strict();
export type LockersResponse = z.infer<typeof LockersResponse>;

export const DepositRequest = z
  .object({
    requestId: RequestId,
    caseNumber: z.string().trim().min(1).max(64),
    /** What it is: 营业执照, 不动产权证书 … */
    description: z.string().trim().min(1).max(100),
    /** Masked, as every staff screen shows it (PIPL): 张*, 欧阳娜娜 as 欧*** (domain/masking.ts). */
    applicantName: z
      .string()
      .trim()
      .refine(isMaskedName, 'must be masked: the first character, then one * for each other one, like 张* or 欧***'),
    /** Mainland mobile number for the pickup notice. */
    phone: z.string().regex(/^1\d{10}$/, 'must be an 11-digit mobile number'),
    /** The smallest size that fits; a larger compartment is used when none of this size is free. */
    size: CompartmentSize,
  })
  .strict();
export type DepositRequest = z.infer<typeof DepositRequest>;

export const DepositResponse = z.object({ compartment: CompartmentView, commandId: z.string() }).strict();
export type DepositResponse = z.infer<typeof DepositResponse>;

export const CompartmentParam = z
  .object({ locker: LockerId, number: z.string().regex(/^[A-Za-z0-9-]{1,8}$/, 'must be a compartment number') })
  .strict();

/** Where a retrieved item goes: handed over at the pickup window, or sent by post (邮寄/EMS). */
export const RetrieveRequest = z.object({ requestId: RequestId, handover: z.enum(['window', 'post']) }).strict();
export type RetrieveRequest = z.infer<typeof RetrieveRequest>;

/**
 * Staff have seen to a faulty compartment by hand (service key, board repaired): the compartment is back in use, and
 * the item recorded against it, if any, went to the pickup window or the post (a deposit whose door never opened
 * stayed with the clerk: 'window').
 */
export const ResolveFaultRequest = z.object({ requestId: RequestId, handover: z.enum(['window', 'post']) }).strict();
export type ResolveFaultRequest = z.infer<typeof ResolveFaultRequest>;

export const ResolveFaultResponse = z.object({ compartment: CompartmentView }).strict();
export type ResolveFaultResponse = z.infer<typeof ResolveFaultResponse>;

export const DoorReport = z.enum(['opened', 'open_failed', 'closed']);
export type DoorReport = z.infer<typeof DoorReport>;

export const DoorReportRequest = z
  .object({
    requestId: RequestId,
    report: DoorReport,
    /** What the board or driver said, for the fault record. */
    detail: z.string().max(200).optional(),
  })
  .strict();
export type DoorReportRequest = z.infer<typeof DoorReportRequest>;

export const DoorReportResponse = z
  .object({
    /** False for a report about a command no longer in flight (a late board, a retry): nothing changed. */
    applied: z.boolean(),
    /** Null when the command is not one in flight at all. */
    compartment: z.string().nullable(),
    state: Compartment.shape.state.nullable(),
  })
  .strict();
export type DoorReportResponse = z.infer<typeof DoorReportResponse>;

export const PickupCode = z.string().regex(/^\d{6}$/, 'must be the 6-digit pickup code');

export const CollectRequest = z.object({ requestId: RequestId, code: PickupCode }).strict();
export type CollectRequest = z.infer<typeof CollectRequest>;

/** A wrong code is an answer, not an error: it counts towards the keypad's lockout. */
export const CollectResponse = z.discriminatedUnion('result', [
  z.object({ result: z.literal('opening'), compartment: z.string(), commandId: z.string() }).strict(),
  z.object({ result: z.literal('wrong_code'), attemptsLeft: z.number().int().min(1) }).strict(),
  z.object({ result: z.literal('locked_out'), until: z.string() }).strict(),
  /** The code was right once and its item has been taken: said plainly, and not counted as a wrong code. */
  z.object({ result: z.literal('already_collected'), collectedAt: z.string() }).strict(),
  /** The code was used, but its door failed and the item is still inside: staff at the pickup window help. */
  z.object({ result: z.literal('needs_staff') }).strict(),
]);
export type CollectResponse = z.infer<typeof CollectResponse>;

/**
 * What the locker PC tells its screen about a pickup code: the server's answer, or why there was none: `offline` (the
 * server did not answer: nothing was used up, try again) or `out_of_service` (the lock boards cannot be reached, so
 * the code was not even sent).
 */
export type PickupResult = CollectResponse | { result: 'offline' } | { result: 'out_of_service' };

/**
 * Where a door opened for a pickup is, as the locker PC follows it: `pending` until the door command reaches the
 * locker and the lock is pulsed, then `open` (the applicant takes the documents), then `closed`; or `failed` when the
 * lock did not open.
 */
export const DoorStage = z.enum(['pending', 'open', 'closed', 'failed']);
export type DoorStage = z.infer<typeof DoorStage>;

/** A door command to the locker: which board and channel to pulse. */
export const OpenCommand = z
  .object({
    commandId: z.string(),
    compartment: z.string(),
    boardAddress: z.number().int(),
    channel: z.number().int(),
    purpose: DoorPurpose,
  })
  .strict();
export type OpenCommand = z.infer<typeof OpenCommand>;

export const lockerRoutes = {
  lockers: {
    method: 'GET',
    path: '/api/lockers',
    summary: 'Every locker with its compartments, items, faults and overdue items (never a pickup code)',
    auth: 'staff',
    status: 200,
    response: LockersResponse,
  },
  deposit: {
    method: 'POST',
    path: '/api/lockers/:locker/deposits',
    summary: 'Deposit a result: reserve a free compartment and open it (a pickup-window clerk or a manager)',
    auth: 'staff',
    params: LockerParam,
    body: DepositRequest,
    status: 201,
    response: DepositResponse,
  },
  retrieve: {
    method: 'POST',
    path: '/api/lockers/:locker/compartments/:number/retrieve',
    summary: 'Open a compartment for staff to take the item out (overdue, or faulty) for the window or the post',
    auth: 'staff',
    params: CompartmentParam,
    body: RetrieveRequest,
    status: 200,
    response: DepositResponse,
  },
  resolveFault: {
    method: 'POST',
    path: '/api/lockers/:locker/compartments/:number/resolve-fault',
    summary: 'Put a faulty compartment back in use after staff saw to it by hand; its item went to the window or post',
    auth: 'staff',
    params: CompartmentParam,
    body: ResolveFaultRequest,
    status: 200,
    response: ResolveFaultResponse,
  },
  collect: {
    method: 'POST',
    path: '/api/locker/collect',
    summary: 'The applicant entered or scanned a pickup code at this locker',
    auth: 'locker',
    body: CollectRequest,
    status: 200,
    response: CollectResponse,
  },
  doorReport: {
    method: 'POST',
    path: '/api/locker/commands/:commandId/report',
    summary: 'The locker reports a door command opened, failed to open, or its door closed again',
    auth: 'locker',
    params: CommandParam,
    body: DoorReportRequest,
    status: 200,
    response: DoorReportResponse,
  },
} as const satisfies Record<string, RouteContract>;
