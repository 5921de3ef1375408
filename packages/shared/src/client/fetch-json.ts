import { ErrorBody, type ErrorCode, type FieldError } from '../contracts/errors';

/**
 * The server answered with an error: its HTTP status and, when it sent an error body, the code, the message, the
 * fields a validation error named and, for refusals with a time in them (closed until …), when it opens again.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly fields: FieldError[];
  readonly opensAt: string | null;
  constructor(
    readonly status: number,
    readonly code: ErrorCode | null,
    message: string,
    details: { fields?: FieldError[]; opensAt?: string | null } = {},
  ) {
    super(message);
    this.fields = details.fields ?? [];
    this.opensAt = details.opensAt ?? null;
  }
}

/** No usable answer (network down, timeout, server error, an answer off the contract): it may or may not have been applied. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

interface Schema<T> {
  parse(data: unknown): T;
}

/** The error body of a failed answer as an `ApiError`, or null when the body is not one. */
function errorFromBody(status: number, body: unknown): ApiError | null {
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success) return null;
  const { code, message, fields, opensAt } = parsed.data.error;
  return new ApiError(status, code, message, { fields, opensAt });
}

/**
 * Fetches `path` (relative, e.g. `/api/queues`) and validates the JSON answer with `schema`.
 * Browser-safe: only `fetch`, no Node modules. Throws `ApiError` on any non-2xx answer (code null without an error
 * body) and the schema's error when the body does not match the contract.
 */
export async function fetchJson<T>(path: string, schema: Schema<T>, init?: RequestInit): Promise<T> {
  const headers = new Headers(init?.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const res = await fetch(path, { ...init, headers });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    throw (
      errorFromBody(res.status, body) ?? new ApiError(res.status, null, `HTTP ${res.status} ${res.statusText}`.trim())
    );
  }
  return schema.parse(body);
}

export interface ApiClientOptions {
  /** How long a page waits for an answer before it says "try again". */
  timeoutMs: number;
  /** Sent as the bearer token when a call names none: a device key. */
  token?: string;
  fetch?: typeof fetch;
}

export interface ApiCallOptions {
  /** The bearer token for this call (a staff token), over the client's. */
  token?: string | null;
  /** The JSON request body: a call with one is a POST, one without a GET. */
  body?: unknown;
}

/** One JSON call to the queue server, its answer checked against `schema`. */
export type ApiCall = <T>(path: string, schema: Schema<T>, options?: ApiCallOptions) => Promise<T>;

/**
 * The queue-server client of the staff and kiosk pages. Only a refusal — a 4xx with an error body — throws
 * `ApiError`, final for that request; anything else throws `NetworkError`, so a page retries with the same requestId
 * rather than tell a citizen or clerk something the server did not say.
 */
export function createApiClient(options: ApiClientOptions): ApiCall {
  // Looked up per call, not bound once, so a test's stubbed global fetch is the one used.
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  return async (path, schema, { token = options.token ?? null, body } = {}) => {
    let res: Response;
    try {
      res = await fetchImpl(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          accept: 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const refusal = res.status < 500 ? errorFromBody(res.status, json) : null;
      throw refusal ?? new NetworkError(`HTTP ${res.status}`);
    }
    try {
      return schema.parse(json);
    } catch (error) {
      throw new NetworkError(`unexpected answer from ${path}: ${String(error)}`);
    }
  };
}
