import { fetchJson } from '@hallq/shared/client';
import { PublicHall } from '@hallq/shared/contracts';

/** The public part of the hall file: names, window types, windows (no key needed). */
export const loadHall = (): Promise<PublicHall> => fetchJson('/api/hall', PublicHall);
