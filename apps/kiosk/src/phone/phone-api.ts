import { fetchJson } from '@hallq/shared/client';
import { Health, PublicHall, TicketStatus } from '@hallq/shared/contracts';

// A phone on the hall's Wi-Fi: a request that has not answered by now will not, and a hung one would stall polling.
const TIMEOUT_MS = 8000;

const statusPath = (token: string) => `/api/tickets/status/${encodeURIComponent(token)}`;

export const fetchStatus = (token: string) =>
  fetchJson(statusPath(token), TicketStatus, { signal: AbortSignal.timeout(TIMEOUT_MS) });

export const fetchHall = () => fetchJson('/api/hall', PublicHall, { signal: AbortSignal.timeout(TIMEOUT_MS) });

/** The hall's day by the server's clock: a phone's own clock may be wrong. */
export const fetchToday = async () =>
  (await fetchJson('/api/health', Health, { signal: AbortSignal.timeout(TIMEOUT_MS) })).hallDay;

export const giveUpTicket = (token: string, requestId: string) =>
  fetchJson(`${statusPath(token)}/cancel`, TicketStatus, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requestId }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });

/**
 * A fresh idempotency key. Not crypto.randomUUID: the page is served over plain http on the hall's LAN, which is not
 * a secure context, and randomUUID exists only in one; getRandomValues exists everywhere.
 */
export function newRequestId(random: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  return `phone-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
