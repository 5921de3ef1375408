/**
 * A fresh idempotency key. Not crypto.randomUUID: the page is served over plain http on the hall's LAN, which is not
 * a secure context, and randomUUID exists only in one; getRandomValues exists everywhere.
 */
export function newRequestId(random: Pick<Crypto, 'getRandomValues'> = crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  return `phone-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
