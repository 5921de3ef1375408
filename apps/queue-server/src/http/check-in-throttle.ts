import type { IssueTicketRequest, QueuePolicy } from '@hallq/shared/contracts';
import { ApiError } from '../service/api-error';
import { DevicePace } from './device-pace';

/** The request fields that name a booking; a not_found naming one of them is a check-in that found nothing. */
const BOOKING_FIELDS = new Set(['appointmentCode', 'idCard']);

function foundNoBooking(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'not_found' &&
    (error.extra.fields ?? []).some((f) => BOOKING_FIELDS.has(f.path))
  );
}

/**
 * Check-ins that find no appointment, counted per caller (a kiosk's id, a clerk's): a burst, then a steady pace an
 * hour, then 429 with when to try again. A check-in is counted before it runs (so requests in flight together cannot
 * outrun the count) and given back unless it found nothing: a citizen checking in right costs the kiosk nothing.
 * Only failures count because only they are guesses; together with eight-digit codes a guesser at one kiosk needs
 * months per hit.
 */
export class CheckInThrottle {
  private readonly failures: DevicePace;

  constructor(policy: () => Pick<QueuePolicy, 'checkInFailuresPerHour' | 'checkInFailureBurst'>, now: () => number) {
    this.failures = new DevicePace(
      () => ({ perMinute: policy().checkInFailuresPerHour / 60, burst: policy().checkInFailureBurst }),
      now,
    );
  }

  /** Runs `issue` for `caller`, refused first when the request names a booking and the caller's failures are spent. */
  async run<T>(caller: string, req: IssueTicketRequest, issue: () => Promise<T>): Promise<T> {
    // A card with a window type takes a ticket; without one it checks in the card's booking.
    const checksIn = req.appointmentCode !== undefined || (req.idCard !== undefined && req.windowType === undefined);
    if (!checksIn) return issue();
    const wait = this.failures.take(caller);
    if (wait > 0) throw ApiError.tooMany('too many check-ins here found no appointment', wait);
    try {
      const reply = await issue();
      this.failures.giveBack(caller);
      return reply;
    } catch (error) {
      if (!foundNoBooking(error)) this.failures.giveBack(caller);
      throw error;
    }
  }
}
