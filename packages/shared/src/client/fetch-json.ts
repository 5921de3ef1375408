import type { z } from 'zod';
import { ErrorBody } from '../api/errors';

/** A failed API call: the HTTP status and, when the server sent one, its error code and message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Fetches `path` (relative, e.g. `/api/queues`) and validates the JSON answer with `schema`.
 * Browser-safe: only `fetch`, no Node modules. Throws `ApiError` on a non-2xx answer and a
 * `ZodError` when the body does not match the contract.
 */
export async function fetchJson<T>(path: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  const headers = new Headers(init?.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  const res = await fetch(path, { ...init, headers });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(body);
    if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message);
    throw new ApiError(res.status, null, `HTTP ${res.status} ${res.statusText}`.trim());
  }
  return schema.parse(body);
}
