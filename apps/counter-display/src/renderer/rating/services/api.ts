import { createApiClient } from '@hallq/shared/client';
import { PublicHall, RatingResponse, type SubmitRatingRequest } from '@hallq/shared/contracts';

/** The queue-server calls the rating pad makes, with its device key. */
export interface RatingApi {
  hall(): Promise<PublicHall>;
  submitRating(requestId: string, body: SubmitRatingRequest): Promise<RatingResponse>;
}

// The citizen is standing at the counter: say "try again" rather than spin.
const TIMEOUT_MS = 10_000;

export function createRatingApi(deviceKey: string): RatingApi {
  const call = createApiClient({ timeoutMs: TIMEOUT_MS, token: deviceKey });
  return {
    hall: () => call('/api/hall', PublicHall),
    submitRating: (id, body) => call(`/api/ratings/${encodeURIComponent(id)}`, RatingResponse, { body }),
  };
}
