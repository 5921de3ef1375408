import { z } from 'zod';
import type { RouteContract } from './route-contract';

/** Why a window type is not taking tickets now; the codes match the refusal of POST /api/tickets. */
export const ClosedReason = z
  .object({
    code: z.enum(['closed_today', 'not_yet_open', 'lunch_break', 'closed_for_day', 'cap_reached']),
    message: z.string(),
    opensAt: z.string().nullable(),
  })
  .strict();
export type ClosedReason = z.infer<typeof ClosedReason>;

export const QueueInfo = z
  .object({
    windowType: z.string(),
    waiting: z.number().int().min(0),
    /** Minutes until the next new ticket would be called; null while no open window serves the type. */
    estimatedWaitMinutes: z.number().int().min(0).nullable(),
    /** Whether a ticket can be taken now. */
    open: z.boolean(),
    closed: ClosedReason.nullable(),
    /** Open windows serving this type now. */
    servingWindows: z.array(z.number().int()),
    issuedToday: z.number().int().min(0),
    dailyCap: z.number().int().nullable(),
    /** Minutes the longest-waiting ticket has waited. */
    longestWaitMinutes: z.number().int().min(0),
  })
  .strict();
export type QueueInfo = z.infer<typeof QueueInfo>;

export const QueuesResponse = z
  .object({
    hallDay: z.string(),
    generatedAt: z.string(),
    queues: z.array(QueueInfo),
    /** Window types with people waiting and no open window serving them (空岗). */
    emptyPosts: z.array(z.string()),
  })
  .strict();
export type QueuesResponse = z.infer<typeof QueuesResponse>;

export const queueRoutes = {
  queues: {
    method: 'GET',
    path: '/api/queues',
    summary: 'Per window type: waiting, estimated wait, open or closed and why',
    auth: 'public',
    status: 200,
    response: QueuesResponse,
  },
} as const satisfies Record<string, RouteContract>;
