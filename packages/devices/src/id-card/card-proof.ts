import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { idLastFour } from './id-card-data';

/**
 * What a card read at the kiosk becomes before it leaves the kiosk's main process: the ID number's keyed hash (the
 * one the server keeps for an appointment booked with that number) and its last four characters, sealed so that the
 * page in between carries an opaque text it can neither read nor forge. The page learns only the masked name; the
 * server learns only the hash and the last four; the number itself stays in the main process's memory for the moment
 * of the read.
 *
 * Both ends derive their keys from the installation's ID-number secret, which the server hands to a kiosk's key only.
 */
export interface CardKeys {
  /** The HMAC key of ID numbers: equal to the server's, so a hash made here finds a booking made there. */
  hashKey: Buffer;
  /** AES-256-GCM key of the seal, derived from the same secret for this use alone. */
  sealKey: Buffer;
}

/** What the server reads out of a proof. */
export interface CardIdentity {
  /** HMAC-SHA256 of the ID number, hex. */
  hash: string;
  last4: string;
  /** When the card was read (ms since the epoch), by the kiosk's clock. */
  readAt: number;
}

const VERSION = 'c1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function cardKeys(secret: Buffer): CardKeys {
  if (secret.length < 32) throw new RangeError('the ID-number secret must be at least 32 bytes');
  return {
    hashKey: secret,
    sealKey: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'hallq id-card proof seal', 32)),
  };
}

/** HMAC-SHA256 under the installation's secret: the only form an ID number is ever kept or compared in. */
export function idNumberHash(idNumber: string, keys: Pick<CardKeys, 'hashKey'>): string {
  return createHmac('sha256', keys.hashKey).update(idNumber).digest('hex');
}

/** Seals a card read now; a fresh IV each time, so two reads of one card give two unrelated texts. */
export function sealCardProof(idNumber: string, keys: CardKeys, now: number): string {
  const identity: CardIdentity = { hash: idNumberHash(idNumber, keys), last4: idLastFour(idNumber), readAt: now };
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.sealKey, iv);
  cipher.setAAD(Buffer.from(VERSION));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(identity), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${sealed.toString('base64url')}`;
}

export class CardProofError extends Error {
  override readonly name = 'CardProofError';
}

/**
 * The identity in a proof, or a CardProofError when it was not sealed with these keys (forged, altered, from another
 * installation) or is not a proof at all. How old a read may be is the caller's rule.
 */
export function openCardProof(proof: string, keys: CardKeys): CardIdentity {
  const [version, iv, sealed, ...rest] = proof.split('.');
  if (version !== VERSION || iv === undefined || sealed === undefined || rest.length > 0)
    throw new CardProofError(`not a card proof of version ${VERSION}`);
  const ivBytes = Buffer.from(iv, 'base64url');
  const bytes = Buffer.from(sealed, 'base64url');
  if (ivBytes.length !== IV_BYTES || bytes.length <= TAG_BYTES)
    throw new CardProofError('a card proof of a bad length');
  let text: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.sealKey, ivBytes);
    decipher.setAAD(Buffer.from(VERSION));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    text = Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString();
  } catch {
    throw new CardProofError('a card proof not sealed by a kiosk of this hall');
  }
  const identity = JSON.parse(text) as CardIdentity;
  if (!/^[0-9a-f]{64}$/.test(identity.hash) || !/^[0-9X]{4}$/.test(identity.last4) || !Number.isFinite(identity.readAt))
    throw new CardProofError('a card proof with a malformed identity');
  return identity;
}
