import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import type { ScryptParams } from './hash-process';

// scrypt cost parameters; stored hashes do not record them, so changing these invalidates every hash.
const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, keyBytes: number): Buffer {
  return scryptSync(password, salt, keyBytes, { N, r: R, p: P });
}

/**
 * Hashes a staff password as `scrypt$<salt hex>$<key hex>` (the `PasswordHash` format of the hall config).
 * A fixed salt is only for reproducible files such as the demo hall; real use takes the random default.
 */
export function hashPassword(password: string, salt: Buffer = randomBytes(SALT_BYTES)): string {
  return `scrypt$${salt.toString('hex')}$${derive(password, salt, KEY_BYTES).toString('hex')}`;
}

/** The salt and key of a well-formed hash; null for any malformed one. */
function parseHash(hash: string): { salt: Buffer; expected: Buffer } | null {
  const m = /^scrypt\$((?:[0-9a-f]{2})+)\$((?:[0-9a-f]{2})+)$/.exec(hash);
  if (!m) return null;
  const salt = Buffer.from(m[1]!, 'hex');
  const expected = Buffer.from(m[2]!, 'hex');
  // Shorter keys would weaken the check; the config schema requires at least 32 bytes too.
  if (salt.length === 0 || expected.length < KEY_BYTES) return null;
  return { salt, expected };
}

/** True when `password` matches `hash`; false for a wrong password and for any malformed hash (never throws). */
export function verifyPassword(password: string, hash: string): boolean {
  const parsed = parseHash(hash);
  if (!parsed) return false;
  // Constant-time compare so response timing does not leak how much of the key matched.
  return timingSafeEqual(derive(password, parsed.salt, parsed.expected.length), parsed.expected);
}

/** Derives a scrypt key; the server passes its low-priority hashing process, tests may pass the in-process one. */
export type DeriveKey = (password: string, salt: Buffer, keyBytes: number, params: ScryptParams) => Promise<Buffer>;

/** scrypt on this process's thread pool (off the event loop, at its priority). */
export const deriveInProcess: DeriveKey = (password, salt, keyBytes, params) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, keyBytes, params, (error, derived) => (error ? reject(error) : resolve(derived))),
  );

/**
 * `verifyPassword` with the hashing done by `derive`, off the event loop, so a login does not hold ticket issue,
 * health and sockets for the tens of milliseconds scrypt takes. Resolves false for a malformed hash, without hashing.
 */
export async function verifyPasswordAsync(
  password: string,
  hash: string,
  derive: DeriveKey = deriveInProcess,
): Promise<boolean> {
  const parsed = parseHash(hash);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.expected.length, { N, r: R, p: P });
  return timingSafeEqual(key, parsed.expected);
}

/** `hashPassword` with the hashing done by `derive`, off the event loop (a person choosing a new password). */
export async function hashPasswordAsync(password: string, derive: DeriveKey = deriveInProcess): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, { N, r: R, p: P });
  return `scrypt$${salt.toString('hex')}$${key.toString('hex')}`;
}

/** SHA-256 of a UTF-8 text as lowercase hex: how device keys are stored in the hall config. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
