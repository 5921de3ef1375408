import type { ErrorBody, ErrorCode, FieldError } from '@hallq/shared/contracts';
import { ERROR_STATUS } from '@hallq/shared/contracts';

/** A refusal the client caused or can act on; the HTTP layer turns it into `{ error: { code, message, … } }`. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; opensAt?: string | null; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  static field(path: string, message: string): ApiError {
    return ApiError.of({ code: 'validation_failed', field: path, message });
  }

  /** A domain rule's refusal; one that names a request field is that field's error, as a schema's would be. */
  static of(refusal: { code: ErrorCode; message: string; field?: string }): ApiError {
    const { code, message, field } = refusal;
    if (field === undefined) return new ApiError(code, message);
    return new ApiError(code, `${field}: ${message}`, { fields: [{ path: field, message }] });
  }

  /** A limit met: 429 with the whole seconds to wait (at least 1), which the HTTP layer also sends as Retry-After. */
  static tooMany(message: string, retryAfterMs: number): ApiError {
    return new ApiError('too_many_requests', message, {
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
    });
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
