/**
 * The two alphabets an SMS is written in (3GPP TS 23.038): the GSM 7-bit default alphabet with its extension table
 * (clause 6.2.1 and 6.2.1.1), packed seven bits a character (clause 6.1.2.1), and UCS-2 (clause 6.2.3), which
 * phones read as UTF-16, so characters outside the BMP travel as surrogate pairs.
 */

const ESC = 0x1b;

// TS 23.038 clause 6.2.1, code points 0x00–0x7F; 0x1B is the escape to the extension table, never a character.
const DEFAULT_ALPHABET = [
  '@£$¥èéùìòÇ\nØø\rÅå',
  'Δ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ',
  ' !"#¤%&\'()*+,-./',
  '0123456789:;<=>?',
  '¡ABCDEFGHIJKLMNO',
  'PQRSTUVWXYZÄÖÑÜ§',
  '¿abcdefghijklmno',
  'pqrstuvwxyzäöñüà',
].join('');

// TS 23.038 clause 6.2.1.1: the characters reached by ESC, and their code after it.
const EXTENSION: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

const DEFAULT_CODES: ReadonlyMap<string, number> = new Map(
  [...DEFAULT_ALPHABET].flatMap((ch, code) => (code === ESC ? [] : [[ch, code] as const])),
);
const EXTENSION_CHARS: ReadonlyMap<number, string> = new Map([...EXTENSION].map(([ch, code]) => [code, ch]));

/** The septets of one character, or null when the 7-bit alphabet cannot write it. */
function septetsOf(ch: string): number[] | null {
  const code = DEFAULT_CODES.get(ch);
  if (code !== undefined) return [code];
  const extended = EXTENSION.get(ch);
  return extended === undefined ? null : [ESC, extended];
}

/** Whether the whole text can go in the 7-bit default alphabet (with its extension table). */
export function fitsGsm7(text: string): boolean {
  return [...text].every((ch) => septetsOf(ch) !== null);
}

/**
 * The text as septets, one array per character so a message split never separates ESC from what it escapes.
 * Throws RangeError when a character is not in the alphabet: check with `fitsGsm7` first.
 */
export function gsm7Characters(text: string): number[][] {
  return [...text].map((ch) => {
    const septets = septetsOf(ch);
    if (septets === null) throw new RangeError('the text has a character outside the GSM 7-bit alphabet');
    return septets;
  });
}

export function gsm7Decode(septets: readonly number[]): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = septets[i] as number;
    if (septet === ESC) {
      const next = septets[++i];
      // TS 23.038 clause 6.2.1.1: an unknown escaped code shows as the default-alphabet character, so does a lone ESC.
      text += (next === undefined ? undefined : EXTENSION_CHARS.get(next)) ?? DEFAULT_ALPHABET[next ?? 0x20];
    } else {
      text += DEFAULT_ALPHABET[septet];
    }
  }
  return text;
}

/**
 * Packs septets into octets, least significant bit first (TS 23.038 clause 6.1.2.1.1), starting `offsetBits` into
 * the output: the bits a user data header takes, plus its fill bits (TS 23.040 clause 9.2.3.24).
 */
export function packSeptets(septets: readonly number[], offsetBits = 0): Uint8Array {
  const out = new Uint8Array(Math.ceil((offsetBits + septets.length * 7) / 8));
  septets.forEach((septet, i) => {
    const bit = offsetBits + i * 7;
    const octet = bit >> 3;
    const shift = bit & 7;
    out[octet] = ((out[octet] as number) | (septet << shift)) & 0xff;
    if (shift > 1) out[octet + 1] = ((out[octet + 1] as number) | (septet >> (8 - shift))) & 0xff;
  });
  return out;
}

export function unpackSeptets(octets: Uint8Array, count: number, offsetBits = 0): number[] {
  const septets: number[] = [];
  for (let i = 0; i < count; i++) {
    const bit = offsetBits + i * 7;
    const octet = bit >> 3;
    const shift = bit & 7;
    const pair = (octets[octet] ?? 0) | ((octets[octet + 1] ?? 0) << 8);
    septets.push((pair >> shift) & 0x7f);
  }
  return septets;
}

/** UTF-16 code units, big-endian, as TS 23.038 clause 6.2.3 puts UCS-2 on the air. */
export function ucs2Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i] = unit >> 8;
    out[2 * i + 1] = unit & 0xff;
  }
  return out;
}

export function ucs2Decode(octets: Uint8Array): string {
  let text = '';
  for (let i = 0; i + 1 < octets.length; i += 2) {
    text += String.fromCharCode(((octets[i] as number) << 8) | (octets[i + 1] as number));
  }
  return text;
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

/** Throws RangeError naming `what` when the string is not whole octets of hex digits. */
export function fromHex(hex: string, what: string): Uint8Array {
  if (!/^(?:[0-9A-Fa-f]{2})*$/.test(hex)) throw new RangeError(`${what} is not hexadecimal octets`);
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
