import { z } from 'zod';

/** Every error code the API answers with, and the HTTP status that carries it. */
export const ERROR_STATUS = {
  validation_failed: 400,
  /** A priority ticket for a window type that does not take them under the hall's priorityPath. */
  priority_not_offered: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_state: 409,
  wrong_window: 409,
  not_enough_calls: 409,
  other_day: 409,
  request_id_reused: 409,
  closed_today: 409,
  not_yet_open: 409,
  lunch_break: 409,
  closed_for_day: 409,
  cap_reached: 409,
  appointment_too_early: 409,
  appointment_missed: 409,
  appointment_used: 409,
  /** Booking found no free appointment code in its bounded draws (codes are held until their appointment's day ends). */
  appointment_codes_exhausted: 409,
  /** A type with 每人每日限取 is taken with the ID card on the kiosk's reader. */
  id_card_required: 400,
  /** This ID card has taken as many tickets of the type today as one person may. */
  per_person_cap: 409,
  window_busy: 409,
  /** One clerk, one window: the clerk is logged in at another window (log out there, or log in with `move`). */
  at_another_window: 409,
  no_free_compartment: 409,
  /** The settings changed since the version the change was made against: reload them and make it again. */
  settings_changed: 409,
  /** A settings change that would strand the day's work (tickets waiting of a removed type, a clerk at a removed window). */
  strands_work: 409,
  /** A one-time password: the token serves only to choose the person's own password. */
  password_change_required: 403,
  /** The request's body is over the server's limit (64 KiB; no request of the hall's is near it). */
  payload_too_large: 413,
  /** A limit met (logins, guesses, a device's pace): wait `retryAfterSeconds` (also the Retry-After header). */
  too_many_requests: 429,
  internal: 500,
  /** The hall cannot write now (disk full, read-only): nothing was applied; try again once staff have freed space. */
  storage_unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
export const ErrorCode = z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]);

/** One invalid field: its path in the request (`outcome.promisedDate`) and what is wrong with it. */
export const FieldError = z.object({ path: z.string(), message: z.string() }).strict();
export type FieldError = z.infer<typeof FieldError>;

export const ErrorBody = z
  .object({
    error: z
      .object({
        code: ErrorCode,
        message: z.string(),
        fields: z.array(FieldError).optional(),
        /** For refusals with a time in them (closed until …): the ISO instant the thing opens again. */
        opensAt: z.string().nullable().optional(),
        /** With 429 (and 503 when known): whole seconds to wait before trying again, as the Retry-After header says. */
        retryAfterSeconds: z.number().int().positive().optional(),
      })
      .strict(),
  })
  .strict();
export type ErrorBody = z.infer<typeof ErrorBody>;

/** `windows[3].serves[1]` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** A request's zod failure as field errors. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}
