import {
  ErrorBody,
  FollowUpResponse,
  FollowUpsResponse,
  LoginResponse,
  PublicHall,
  type AssignFollowUpRequest,
  type CloseFollowUpRequest,
  type FieldError,
  type NoteFollowUpRequest,
} from '@hallq/shared';

/** The server refused (4xx), with its code and, for a validation error, the fields it named. */
export class ManagerApiError extends Error {
  override readonly name = 'ManagerApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** What the manager console asks of the queue server; calls after login carry the staff token. */
export interface ManagerApi {
  login(staffId: string, password: string): Promise<LoginResponse>;
  hall(): Promise<PublicHall>;
  followUps(token: string): Promise<FollowUpsResponse>;
  assign(token: string, id: string, body: AssignFollowUpRequest): Promise<FollowUpResponse>;
  note(token: string, id: string, body: NoteFollowUpRequest): Promise<FollowUpResponse>;
  close(token: string, id: string, body: CloseFollowUpRequest): Promise<FollowUpResponse>;
}

interface Schema<T> {
  parse(data: unknown): T;
}

const TIMEOUT_MS = 15_000;

export function createManagerApi(fetchImpl: typeof fetch = (...args) => fetch(...args)): ManagerApi {
  async function call<T>(path: string, schema: Schema<T>, init: { token?: string; body?: unknown } = {}) {
    const res = await fetchImpl(path, {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: {
        accept: 'application/json',
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = ErrorBody.safeParse(json);
      if (parsed.success) {
        const { code, message, fields } = parsed.data.error;
        throw new ManagerApiError(res.status, code, message, fields);
      }
      throw new ManagerApiError(res.status, 'http', `HTTP ${res.status}`);
    }
    return schema.parse(json);
  }
  const followUp = (action: string) => (token: string, id: string, body: unknown) =>
    call(`/api/follow-ups/${encodeURIComponent(id)}/${action}`, FollowUpResponse, { token, body });

  return {
    login: (staffId, password) => call('/api/auth/login', LoginResponse, { body: { staffId, password } }),
    hall: () => call('/api/hall', PublicHall),
    followUps: (token) => call('/api/follow-ups', FollowUpsResponse, { token }),
    assign: followUp('assign'),
    note: followUp('note'),
    close: followUp('close'),
  };
}
