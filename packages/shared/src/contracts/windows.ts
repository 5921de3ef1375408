import { z } from 'zod';
import { WindowConfig } from '../config/hall-config';
import { MAX_SERVED_ITEMS } from '../domain/served-items';
import { Outcome, Ticket } from '../domain/ticket';
import { PauseReason, WindowState } from '../domain/window';
import type { WindowActionName } from '../domain/window-actions';
import { RequestId, WindowNumberParam } from './common';
import { PublicTicket } from './events';
import type { RouteContract } from './route-contract';
import { ClerkSummary } from './ratings';

export const WindowActionRequest = z.object({ requestId: RequestId }).strict();
export type WindowActionRequest = z.infer<typeof WindowActionRequest>;

export const FinishRequest = z
  .object({
    requestId: RequestId,
    outcome: Outcome,
    /** The service items handled (codes), as the clerk confirms them; left out, the item chosen at the kiosk. */
    servedItems: z.array(z.string().min(1)).max(MAX_SERVED_ITEMS).optional(),
  })
  .strict();
export type FinishRequest = z.infer<typeof FinishRequest>;

export const TransferRequest = z
  .object({
    requestId: RequestId,
    toWindowType: z.string().min(1).optional(),
    toWindow: z.number().int().positive().optional(),
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine((r) => r.toWindowType !== undefined || r.toWindow !== undefined, {
    message: 'name the window type or the window to transfer to',
    path: ['toWindowType'],
  });
export type TransferRequest = z.infer<typeof TransferRequest>;

export const PauseRequest = z.object({ requestId: RequestId, reason: PauseReason }).strict();
export type PauseRequest = z.infer<typeof PauseRequest>;

/**
 * The window actions, each by its one name, with its request body and what it does. The routes
 * (`POST /api/windows/:id/<name in kebab case>`), the server's handlers, the typed client and the counter panel's
 * buttons all come from this table. The names are the domain's (`allowedWindowActions` decides them): the table must
 * have exactly those keys.
 */
export const windowActions = {
  callNext: { body: WindowActionRequest, summary: 'Call the next ticket by the call policy' },
  recall: { body: WindowActionRequest, summary: 'Call the current ticket again' },
  noShow: { body: WindowActionRequest, summary: 'Mark the called ticket as not present' },
  start: { body: WindowActionRequest, summary: 'The called citizen has arrived: start serving' },
  finish: { body: FinishRequest, summary: 'Finish the service with its outcome' },
  transfer: { body: TransferRequest, summary: 'Hand the ticket to another window type or window' },
  pause: { body: PauseRequest, summary: 'Pause the window (lunch, meeting, away)' },
  resume: { body: WindowActionRequest, summary: 'Open the paused window again' },
} as const satisfies Record<WindowActionName, { body: z.ZodType; summary: string }>;
export type { WindowActionName };
export const WINDOW_ACTION_NAMES = Object.keys(windowActions) as WindowActionName[];
export type WindowActionBody<A extends WindowActionName> = z.infer<(typeof windowActions)[A]['body']>;

/** A window action as one value: its name and its body (without the requestId, which travels beside it). */
export type WindowAction = {
  [A in WindowActionName]: { type: A } & Omit<WindowActionBody<A>, 'requestId'>;
}[WindowActionName];

/** The path segment of an action: its name in kebab case (`noShow` → `no-show`). */
export const windowActionSegment = (name: WindowActionName): string =>
  name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The clerk at the window passes it to the other post now, with the citizen being served (AB岗 hand-over). */
export const HandOverRequest = z.object({ requestId: RequestId }).strict();
export type HandOverRequest = z.infer<typeof HandOverRequest>;

/** Every window action answers with the window and the ticket it acted on (null when call-next found nobody). */
export const WindowActionResponse = z.object({ window: WindowState, ticket: Ticket.nullable() }).strict();
export type WindowActionResponse = z.infer<typeof WindowActionResponse>;

export const WindowQueue = z
  .object({ windowType: z.string(), waiting: z.number().int(), next: z.array(PublicTicket) })
  .strict();
export type WindowQueue = z.infer<typeof WindowQueue>;

/** A device's read of a window (a device key or staff may ask): tickets as their public view (`publicTicket`). */
export const WindowDetail = z
  .object({
    config: WindowConfig,
    state: WindowState,
    current: PublicTicket.nullable(),
    /** Per served type, in the window's order of preference: the next few tickets in call order. */
    queues: z.array(WindowQueue),
  })
  .strict();
export type WindowDetail = z.infer<typeof WindowDetail>;

export const WindowsResponse = z.object({ windows: z.array(WindowState) }).strict();
export type WindowsResponse = z.infer<typeof WindowsResponse>;

const windowAction = <A extends WindowActionName>(action: A) =>
  ({
    method: 'POST',
    path: `/api/windows/:id/${windowActionSegment(action)}`,
    summary: windowActions[action].summary,
    auth: 'window_clerk',
    params: WindowNumberParam,
    body: windowActions[action].body as (typeof windowActions)[A]['body'],
    status: 200,
    response: WindowActionResponse,
  }) as const satisfies RouteContract;

export const windowRoutes = {
  handOver: {
    method: 'POST',
    path: '/api/windows/:id/hand-over',
    summary: 'Hand the window, citizen and all, to the other post waiting to take it over (AB岗)',
    auth: 'window_clerk',
    params: WindowNumberParam,
    body: HandOverRequest,
    status: 200,
    response: WindowActionResponse,
  },
  clerkSummary: {
    method: 'GET',
    path: '/api/windows/:id/summary',
    summary: 'The day of the clerk at this window: served, average service time, ratings',
    auth: 'window_clerk',
    params: WindowNumberParam,
    status: 200,
    response: ClerkSummary,
  },
  windows: {
    method: 'GET',
    path: '/api/windows',
    summary: 'State of every window',
    auth: 'device',
    status: 200,
    response: WindowsResponse,
  },
  window: {
    method: 'GET',
    path: '/api/windows/:id',
    summary: 'One window: state, current ticket, the next tickets of each served type',
    auth: 'device',
    params: WindowNumberParam,
    status: 200,
    response: WindowDetail,
  },
  callNext: windowAction('callNext'),
  recall: windowAction('recall'),
  noShow: windowAction('noShow'),
  start: windowAction('start'),
  finish: windowAction('finish'),
  transfer: windowAction('transfer'),
  pause: windowAction('pause'),
  resume: windowAction('resume'),
} as const satisfies Record<string, RouteContract>;
