import { ApiError } from '@hallq/shared/client';
import type { ErrorCode } from '@hallq/shared/contracts';

/**
 * Why a desk action failed, for the view to word from the catalogue (`failure.<code>`): the server's code, or
 * `network` when no answer came (the action may be pressed again with the same requestId). `fields` are the request
 * fields a validation refusal named; `detail` is the server's own message, shown small under the words.
 */
export interface Failure {
  code: ErrorCode | 'network';
  fields: string[];
  detail: string | null;
  /** When a closed window type or an early check-in opens (ISO), if the server said. */
  opensAt: string | null;
}

export function failureOf(error: unknown): Failure {
  if (!(error instanceof ApiError)) return { code: 'network', fields: [], detail: null, opensAt: null };
  return { code: error.code, fields: error.fields.map((f) => f.path), detail: error.message, opensAt: error.opensAt };
}

/** A refusal is final for its requestId; only a lost answer is retried with the same one. */
export const isRefusal = (error: unknown): error is ApiError => error instanceof ApiError;
