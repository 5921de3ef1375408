import { createHallClient, type HallClient } from '@hallq/shared/client';
import { PublicHall, type WindowAction, type WindowActionResponse } from '@hallq/shared/contracts';

/**
 * The part of GET /api/hall the panel uses, picked from the client's answer: the panel depends on these fields only,
 * so the hall can grow others without the panel noticing.
 */
export const CounterHall = PublicHall.pick({
  version: true,
  name: true,
  timeZone: true,
  hours: true,
  calendar: true,
  // Whose item or window a printed notice is (the department named at its seal).
  departments: true,
  windowTypes: true,
  serviceItems: true,
  windows: true,
  noShowAfterCalls: true,
}).strip();
export type CounterHall = ReturnType<typeof CounterHall.parse>;

// A clerk with a citizen in front of them needs an answer (or "try again") within seconds, not a minute.
const TIMEOUT_MS = 8000;

/** The panel's queue-server client; each call carries the clerk's staff token. */
export const createCounterClient = (): HallClient => createHallClient({ timeoutMs: TIMEOUT_MS });

/**
 * Sends a window action as the clerk at `window`: the one way the panel acts there, whatever the action. The route
 * is the action's name; its body is the action's fields and the requestId that makes a resend safe.
 */
export function sendWindowAction(
  client: HallClient,
  at: { token: string; window: number },
  { type, ...fields }: WindowAction,
  requestId: string,
): Promise<WindowActionResponse> {
  return client.call(type, { params: { id: at.window }, body: { ...fields, requestId }, token: at.token });
}
