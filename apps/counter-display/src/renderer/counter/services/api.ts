import { createApiClient } from '@hallq/shared/client';
import {
  ClerkSummary,
  DepositResponse,
  GuideCallResponse,
  LockersResponse,
  LoginResponse,
  LogoutResponse,
  PublicHall,
  WindowActionResponse,
  WindowDetail,
  type AnswerGuideRequest,
  type DepositRequest,
  type FinishRequest,
  type LoginRequest,
  type PauseRequest,
  type TransferRequest,
  type WindowActionRequest,
} from '@hallq/shared/contracts';

/**
 * The part of GET /api/hall the panel uses. Read leniently (extra fields dropped) so the panel keeps working while
 * the server and the contract grow fields in step.
 */
export const CounterHall = PublicHall.pick({
  name: true,
  timeZone: true,
  hours: true,
  calendar: true,
  windowTypes: true,
  serviceItems: true,
  windows: true,
  noShowAfterCalls: true,
}).strip();
export type CounterHall = ReturnType<typeof CounterHall.parse>;

/** The window actions and their request bodies (routes.ts: POST /api/windows/:id/<action>). */
export interface WindowActionBodies {
  'call-next': WindowActionRequest;
  recall: WindowActionRequest;
  'no-show': WindowActionRequest;
  start: WindowActionRequest;
  finish: FinishRequest;
  transfer: TransferRequest;
  pause: PauseRequest;
  resume: WindowActionRequest;
}
export type WindowActionName = keyof WindowActionBodies;

/** The queue-server calls of the counter panel; `token` is the clerk's staff token. */
export interface CounterApi {
  hall(): Promise<CounterHall>;
  login(request: LoginRequest): Promise<LoginResponse>;
  logout(token: string): Promise<void>;
  window(token: string, window: number): Promise<WindowDetail>;
  summary(token: string, window: number): Promise<ClerkSummary>;
  act<A extends WindowActionName>(
    token: string,
    window: number,
    action: A,
    body: WindowActionBodies[A],
  ): Promise<WindowActionResponse>;
  answerGuide(token: string, id: string, request: AnswerGuideRequest): Promise<GuideCallResponse>;
  lockers(token: string): Promise<LockersResponse>;
  deposit(token: string, locker: string, request: DepositRequest): Promise<DepositResponse>;
}

// A clerk with a citizen in front of them needs an answer (or "try again") within seconds, not a minute.
const TIMEOUT_MS = 8000;

export function createApi(): CounterApi {
  const call = createApiClient({ timeoutMs: TIMEOUT_MS });
  return {
    hall: () => call('/api/hall', CounterHall),
    login: (request) => call('/api/auth/login', LoginResponse, { body: request }),
    logout: async (token) => {
      await call('/api/auth/logout', LogoutResponse, { token, body: {} });
    },
    window: (token, window) => call(`/api/windows/${window}`, WindowDetail, { token }),
    summary: (token, window) => call(`/api/windows/${window}/summary`, ClerkSummary, { token }),
    act: (token, window, action, body) =>
      call(`/api/windows/${window}/${action}`, WindowActionResponse, { token, body }),
    answerGuide: (token, id, request) =>
      call(`/api/guide-calls/${encodeURIComponent(id)}/answer`, GuideCallResponse, { token, body: request }),
    lockers: (token) => call('/api/lockers', LockersResponse, { token }),
    deposit: (token, locker, request) =>
      call(`/api/lockers/${encodeURIComponent(locker)}/deposits`, DepositResponse, { token, body: request }),
  };
}
