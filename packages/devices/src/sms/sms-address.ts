/**
 * Phone numbers in SMS: what a caller may give, and the address field of TS 23.040 clause 9.1.2.5 (a semi-octet
 * count, the type of address, then the digits two to an octet, low nibble first, padded with F).
 */

/** TON international, NPI ISDN/E.164: the number carried a leading "+". */
export const TOA_INTERNATIONAL = 0x91;
/** TON unknown, NPI ISDN/E.164: a national number, dialled as written (e.g. 13800138000 in China). */
export const TOA_UNKNOWN = 0x81;

/** TS 23.040 clause 9.1.2.5 allows at most 20 digits in an address. */
const NUMBER = /^\+?\d{3,20}$/;

/**
 * The number as digits with an optional leading "+", spaces and hyphens dropped. Throws RangeError naming `field`
 * (never echoing the number: it is personal data and errors end up in logs).
 */
export function normalisePhoneNumber(value: unknown, field = 'to'): string {
  if (typeof value !== 'string') throw new RangeError(`${field} must be a phone number string`);
  const number = value.replace(/[\s-]/g, '');
  if (!NUMBER.test(number)) {
    throw new RangeError(`${field} must be a phone number: 3–20 digits, optionally after a leading +`);
  }
  return number;
}

function swapDigits(digits: string): number[] {
  const padded = digits.length % 2 === 0 ? digits : `${digits}F`;
  const octets: number[] = [];
  for (let i = 0; i < padded.length; i += 2) {
    octets.push(parseInt(`${padded[i + 1]}${padded[i]}`, 16));
  }
  return octets;
}

/** Encodes a normalised number (see `normalisePhoneNumber`) as a TP-DA / TP-RA address field. */
export function encodeAddress(number: string): number[] {
  const international = number.startsWith('+');
  const digits = international ? number.slice(1) : number;
  return [digits.length, international ? TOA_INTERNATIONAL : TOA_UNKNOWN, ...swapDigits(digits)];
}

/** The service centre's address of TS 24.011 clause 8.2.5.1, which counts octets (type and digits), not digits. */
export function encodeSmscAddress(number: string): number[] {
  const [, toa, ...digits] = encodeAddress(normalisePhoneNumber(number, 'serviceCentre'));
  return [digits.length + 1, toa as number, ...digits];
}

/**
 * Decodes the address field starting at `at`; returns the number ("+" before an international one) and the octets
 * it took. Alphanumeric addresses (TON 101) do not occur as recipients of our own messages and are refused.
 */
export function decodeAddress(octets: Uint8Array, at: number): { number: string; length: number } {
  const semiOctets = octets[at];
  const toa = octets[at + 1];
  if (semiOctets === undefined || toa === undefined) throw new RangeError('the PDU ends inside an address');
  const length = 2 + Math.ceil(semiOctets / 2);
  if (at + length > octets.length) throw new RangeError('the PDU ends inside an address');
  if (((toa >> 4) & 0x07) === 0x05) throw new RangeError('an alphanumeric address is not a phone number');
  let digits = '';
  for (let i = at + 2; i < at + length; i++) {
    const octet = octets[i] as number;
    digits += (octet & 0x0f).toString(16) + (octet >> 4).toString(16);
  }
  digits = digits.slice(0, semiOctets).toUpperCase();
  if (!/^\d*$/.test(digits)) throw new RangeError('the address has digits that are not 0–9');
  return { number: (toa & 0x70) === 0x10 ? `+${digits}` : digits, length };
}
