import {
  ClerkSummary,
  ErrorBody,
  GuideCallResponse,
  LoginResponse,
  LogoutResponse,
  PublicHall,
  WindowActionResponse,
  WindowDetail,
  type AnswerGuideRequest,
  type ErrorCode,
  type FieldError,
  type FinishRequest,
  type LoginRequest,
  type PauseRequest,
  type TransferRequest,
  type WindowActionRequest,
} from '@hallq/shared';

/**
 * The part of GET /api/hall the panel uses. Read leniently (extra fields dropped) so the panel keeps working while
 * the server and the contract grow fields in step.
 */
export const CounterHall = PublicHall.pick({
  name: true,
  timeZone: true,
  hours: true,
  windowTypes: true,
  serviceItems: true,
  windows: true,
  noShowAfterCalls: true,
}).strip();
export type CounterHall = ReturnType<typeof CounterHall.parse>;

/** The server refused: its error code and message (final for that requestId). */
export class CounterApiError extends Error {
  override readonly name = 'CounterApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** No usable answer (network down, timeout, server error): the request may or may not have been applied. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

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
}

interface Schema<T> {
  parse(data: unknown): T;
}

// A clerk with a citizen in front of them needs an answer (or "try again") within seconds, not a minute.
const TIMEOUT_MS = 8000;

export function createApi(fetchImpl: typeof fetch = (...args) => fetch(...args)): CounterApi {
  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: Schema<T>,
    token: string | null,
    body?: unknown,
  ): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(path, {
        method,
        headers: {
          accept: 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(json);
      if (parsed.success && res.status < 500) {
        const { code, message, fields } = parsed.data.error;
        throw new CounterApiError(res.status, code, message, fields);
      }
      throw new NetworkError(`HTTP ${res.status}`);
    }
    try {
      return schema.parse(json);
    } catch (error) {
      throw new NetworkError(`unexpected answer from ${path}: ${String(error)}`);
    }
  }

  return {
    hall: () => call('GET', '/api/hall', CounterHall, null),
    login: (request) => call('POST', '/api/auth/login', LoginResponse, null, request),
    logout: async (token) => {
      await call('POST', '/api/auth/logout', LogoutResponse, token, {});
    },
    window: (token, window) => call('GET', `/api/windows/${window}`, WindowDetail, token),
    summary: (token, window) => call('GET', `/api/windows/${window}/summary`, ClerkSummary, token),
    act: (token, window, action, body) =>
      call('POST', `/api/windows/${window}/${action}`, WindowActionResponse, token, body),
    answerGuide: (token, id, request) =>
      call('POST', `/api/guide-calls/${encodeURIComponent(id)}/answer`, GuideCallResponse, token, request),
  };
}
