import type { ErrorBody, ErrorCode, FieldError } from '@hallq/shared/contracts';
import { ERROR_STATUS } from '@hallq/shared/contracts';

/** A refusal the client caused or can act on; the HTTP layer turns it into `{ error: { code, message, … } }`. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { fields?: FieldError[]; opensAt?: string | null } = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  static field(path: string, message: string): ApiError {
    return new ApiError('validation_failed', `${path}: ${message}`, { fields: [{ path, message }] });
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.extra } };
  }
}
