import { fetchJson, PublicHall } from '@hallq/shared';

/** The public part of the hall file: names, window types, windows (no key needed). */
export const loadHall = (): Promise<PublicHall> => fetchJson('/api/hall', PublicHall);
