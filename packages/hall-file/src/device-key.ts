import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `sha256$<salt hex>$<hash hex>`: the `keyHash` of a device in the hall file. */
const KEY_HASH = /^sha256\$((?:[0-9a-f]{2}){16})\$([0-9a-f]{64})$/;

const SALT_BYTES = 16;

function digest(key: string, salt: Buffer): Buffer {
  return createHash('sha256').update(salt).update(key, 'utf8').digest();
}

/**
 * A device key as the hall file stores it: SHA-256 over a random salt and the key. The salt keeps two devices with one
 * key (a copied hall file) from looking alike and makes every hall's hashes its own, so a table of hashes of likely
 * keys made once fits no hall. The keys `newDeviceKey` makes have 256 random bits, so a fast hash is enough: nobody
 * guesses them offline, and a server checks one on every request. A fixed salt is for reproducible files only.
 */
export function hashDeviceKey(key: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  return `sha256$${salt.toString('hex')}$${digest(key, salt).toString('hex')}`;
}

/** Whether `key` is the key behind `keyHash`; false for a malformed hash (never throws). Constant time in the key. */
export function deviceKeyMatches(key: string, keyHash: string): boolean {
  const m = KEY_HASH.exec(keyHash);
  if (!m) return false;
  return timingSafeEqual(digest(key, Buffer.from(m[1]!, 'hex')), Buffer.from(m[2]!, 'hex'));
}

/** A new device key: 32 random bytes, base64url (43 characters, safe in a config file and an HTTP header). */
export function newDeviceKey(): string {
  return randomBytes(32).toString('base64url');
}
