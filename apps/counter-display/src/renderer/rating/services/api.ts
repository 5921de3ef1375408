import { ErrorBody, PublicHall, RatingResponse, type ErrorCode, type SubmitRatingRequest } from '@hallq/shared';

/** The server refused the request (4xx) with an error body. */
export class PadApiError extends Error {
  override readonly name = 'PadApiError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** No usable answer (network down, timeout, server error): the rating may or may not have been stored. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

/** The queue-server calls the rating pad makes, with its device key. */
export interface RatingApi {
  hall(): Promise<PublicHall>;
  submitRating(requestId: string, body: SubmitRatingRequest): Promise<RatingResponse>;
}

interface Schema<T> {
  parse(data: unknown): T;
}

// The citizen is standing at the counter: say "try again" rather than spin.
const TIMEOUT_MS = 10_000;

export function createRatingApi(deviceKey: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): RatingApi {
  async function call<T>(method: 'GET' | 'POST', path: string, schema: Schema<T>, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetchImpl(path, {
        method,
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${deviceKey}`,
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
        throw new PadApiError(res.status, parsed.data.error.code, parsed.data.error.message);
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
    hall: () => call('GET', '/api/hall', PublicHall),
    submitRating: (id, body) => call('POST', `/api/ratings/${encodeURIComponent(id)}`, RatingResponse, body),
  };
}
