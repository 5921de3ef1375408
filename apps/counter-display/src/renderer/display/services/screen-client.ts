import { createHallClient, type HallClient } from '@hallq/shared/client';

// A screen asks only for the public hall file and retries until it comes: an answer that stalls counts as none.
const TIMEOUT_MS = 10_000;

/** The client of the hall display and the window screens (the hall file is public: no key sent). */
export const createScreenClient = (): HallClient => createHallClient({ timeoutMs: TIMEOUT_MS });
