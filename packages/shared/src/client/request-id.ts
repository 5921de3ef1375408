/** What newRequestId needs of `crypto`: in a browser page and in Node alike. */
export interface RandomSource {
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/**
 * A fresh idempotency key for a write, as a UUID v4. Not crypto.randomUUID: pages are served over plain http on the
 * hall's LAN (a clerk PC at http://10.0.0.5:8080/counter/), which is not a secure context, and randomUUID exists only
 * in one; getRandomValues exists everywhere.
 */
export function newRequestId(random: RandomSource = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
