/**
 * SMS-SUBMIT in PDU mode (3GPP TS 23.040 clause 9.2.2.2, as AT+CMGS takes it per TS 27.005 clause 3.5.1): the text
 * in the GSM 7-bit alphabet when it fits, UCS-2 otherwise, split into concatenated parts (TS 23.040 clause
 * 9.2.3.24.1, information element 00: an 8-bit reference, the number of parts, this part's number).
 */
import { decodeAddress, encodeAddress, normalisePhoneNumber } from './sms-address';
import {
  fitsGsm7,
  fromHex,
  gsm7Characters,
  gsm7Decode,
  packSeptets,
  toHex,
  ucs2Decode,
  ucs2Encode,
  unpackSeptets,
} from './gsm-alphabet';

export type SmsEncoding = 'gsm7' | 'ucs2';

/** TP-UD holds 140 octets: 160 septets or 70 UCS-2 units alone, less the 6-octet concatenation header. */
export const PART_LIMITS = {
  gsm7: { single: 160, concatenated: 153 },
  ucs2: { single: 70, concatenated: 67 },
} as const;

/** TS 23.040 clause 9.2.3.24.1: the part counter is one octet. */
const MAX_PARTS = 255;
const DEFAULT_VALIDITY_MINUTES = 4 * 24 * 60;

// TS 23.040 clause 9.2.3.1–9.2.3.23, the first octet of an SMS-SUBMIT.
const MTI_SUBMIT = 0x01;
const VPF_RELATIVE = 0x10;
const SRR = 0x20;
const UDHI = 0x40;
// TS 23.038 clause 4: data coding scheme, general group, no class.
const DCS_GSM7 = 0x00;
const DCS_UCS2 = 0x08;
const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;

export interface SmsSplit {
  encoding: SmsEncoding;
  /** The text of each part; a part never ends inside an escape sequence or a surrogate pair. */
  parts: string[];
}

/**
 * How the text travels: its encoding (7-bit when it fits, unless told) and its parts, in order. Throws RangeError
 * past 255 parts.
 */
export function splitSms(text: string, encoding: SmsEncoding = fitsGsm7(text) ? 'gsm7' : 'ucs2'): SmsSplit {
  const limits = PART_LIMITS[encoding];
  // Characters with their size in the unit the limit counts: septets, or UTF-16 code units.
  const characters = [...text];
  const sizes = encoding === 'gsm7' ? gsm7Characters(text).map((s) => s.length) : characters.map((c) => c.length);
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= limits.single) return { encoding, parts: [text] };
  const parts: string[] = [];
  let part = '';
  let used = 0;
  characters.forEach((ch, i) => {
    const size = sizes[i] as number;
    if (used + size > limits.concatenated) {
      parts.push(part);
      part = '';
      used = 0;
    }
    part += ch;
    used += size;
  });
  parts.push(part);
  if (parts.length > MAX_PARTS) throw new RangeError(`text is too long for one SMS (over ${MAX_PARTS} parts)`);
  return { encoding, parts };
}

/** TP-VP in the relative format, TS 23.040 clause 9.2.3.12.1, rounded up to the next period it can express. */
export function relativeValidity(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError('validityMinutes must be above 0');
  if (minutes <= 12 * 60) return Math.max(0, Math.ceil(minutes / 5) - 1);
  if (minutes <= 24 * 60) return 143 + Math.ceil((minutes - 12 * 60) / 30);
  if (minutes <= 30 * 24 * 60) return 166 + Math.ceil(minutes / (24 * 60));
  const weeks = Math.max(5, Math.ceil(minutes / (7 * 24 * 60)));
  if (weeks > 63) throw new RangeError('validityMinutes is over 63 weeks, the longest relative validity');
  return 192 + weeks;
}

export interface SubmitOptions {
  /** A number as `normalisePhoneNumber` accepts it: "+8613800138000" or "13800138000". */
  to: string;
  text: string;
  /** Sets TP-SRR: the service centre returns an SMS-STATUS-REPORT (+CDS) per part. */
  statusReport?: boolean;
  /** TP-MR, 0–255. Modems put their own in as they send and return it in +CMGS, so 0 is usual. */
  messageReference?: number;
  /** The concatenation reference shared by the parts of one text, 0–255; unused for a single part. */
  concatReference?: number;
  /** How long the service centre keeps trying; null leaves TP-VP out (the network's default). Four days unless told. */
  validityMinutes?: number | null;
}

export interface SubmitPdu {
  /** Hex for AT+CMGS: an empty SMSC address ("00", the one stored on the SIM), then the TPDU. */
  hex: string;
  /** The TPDU's octets, which AT+CMGS=<length> wants: the SMSC address does not count. */
  length: number;
}

function octet(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 255) throw new RangeError(`${field} must be 0–255`);
  return value;
}

/** The PDUs of one text, one a part. Throws RangeError naming the option at fault. */
export function encodeSubmit(options: SubmitOptions): SubmitPdu[] {
  const to = normalisePhoneNumber(options.to);
  if (typeof options.text !== 'string') throw new RangeError('text must be a string');
  const reference = octet(options.messageReference ?? 0, 'messageReference');
  const concatReference = octet(options.concatReference ?? 0, 'concatReference');
  const validity = options.validityMinutes === undefined ? DEFAULT_VALIDITY_MINUTES : options.validityMinutes;
  const vp = validity === null ? null : relativeValidity(validity);
  const { encoding, parts } = splitSms(options.text);
  const concatenated = parts.length > 1;

  return parts.map((text, i) => {
    const firstOctet =
      MTI_SUBMIT | (vp === null ? 0 : VPF_RELATIVE) | (options.statusReport ? SRR : 0) | (concatenated ? UDHI : 0);
    const header = concatenated ? [5, IEI_CONCAT_8BIT, 3, concatReference, parts.length, i + 1] : [];
    let userData: Uint8Array;
    let udl: number;
    if (encoding === 'gsm7') {
      const septets = gsm7Characters(text).flat();
      // The header is padded with fill bits so the text starts on a septet boundary (TS 23.040 clause 9.2.3.24).
      const headerSeptets = Math.ceil((header.length * 8) / 7);
      const packed = packSeptets(septets, headerSeptets * 7);
      packed.set(header, 0);
      userData = packed;
      udl = headerSeptets + septets.length;
    } else {
      userData = new Uint8Array([...header, ...ucs2Encode(text)]);
      udl = userData.length;
    }
    const tpdu = [
      firstOctet,
      reference,
      ...encodeAddress(to),
      0x00, // TP-PID: plain short message
      encoding === 'gsm7' ? DCS_GSM7 : DCS_UCS2,
      ...(vp === null ? [] : [vp]),
      udl,
      ...userData,
    ];
    return { hex: `00${toHex(new Uint8Array(tpdu))}`, length: tpdu.length };
  });
}

export interface ConcatInfo {
  reference: number;
  total: number;
  /** This part's number, from 1. */
  sequence: number;
}

export interface DecodedSubmit {
  messageReference: number;
  recipient: string;
  statusReport: boolean;
  encoding: SmsEncoding | '8bit';
  /** The part's text; for 8-bit data, its octets as hex. */
  text: string;
  concat: ConcatInfo | null;
}

/**
 * Splits what AT+CMGS or +CDS carries into its SMSC address and TPDU: 27.005 counts only the TPDU in <length>, so
 * any octets before it are the address. Without a length the first octet is taken as the address's length.
 */
export function splitSmscAddress(hex: string, tpduLength?: number): Uint8Array {
  const octets = fromHex(hex.trim(), 'the PDU');
  const smscLength = tpduLength === undefined ? (octets[0] ?? 0) + 1 : octets.length - tpduLength;
  if (smscLength < 0 || smscLength > octets.length) throw new RangeError('the PDU is shorter than its length');
  return octets.subarray(smscLength);
}

function userDataHeader(octets: Uint8Array): ConcatInfo | null {
  let at = 1;
  while (at + 1 < octets.length) {
    const iei = octets[at] as number;
    const length = octets[at + 1] as number;
    const data = octets.subarray(at + 2, at + 2 + length);
    if (iei === IEI_CONCAT_8BIT && length === 3) {
      return { reference: data[0] as number, total: data[1] as number, sequence: data[2] as number };
    }
    if (iei === IEI_CONCAT_16BIT && length === 4) {
      const reference = ((data[0] as number) << 8) | (data[1] as number);
      return { reference, total: data[2] as number, sequence: data[3] as number };
    }
    at += 2 + length;
  }
  return null;
}

/** Decodes an SMS-SUBMIT TPDU (what the modem's far side, the simulator, receives). Throws RangeError when malformed. */
export function decodeSubmit(tpdu: Uint8Array): DecodedSubmit {
  const firstOctet = tpdu[0];
  if (firstOctet === undefined || (firstOctet & 0x03) !== MTI_SUBMIT) throw new RangeError('not an SMS-SUBMIT');
  const messageReference = tpdu[1];
  if (messageReference === undefined) throw new RangeError('the PDU ends before TP-MR');
  const address = decodeAddress(tpdu, 2);
  let at = 2 + address.length;
  const dcs = tpdu[at + 1];
  if (dcs === undefined) throw new RangeError('the PDU ends before TP-DCS');
  at += 2;
  const vpf = (firstOctet >> 3) & 0x03;
  at += vpf === 0 ? 0 : vpf === 2 ? 1 : 7;
  const udl = tpdu[at];
  if (udl === undefined) throw new RangeError('the PDU ends before TP-UDL');
  const userData = tpdu.subarray(at + 1);
  const hasHeader = (firstOctet & UDHI) !== 0;
  const headerOctets = hasHeader ? (userData[0] ?? 0) + 1 : 0;
  const concat = hasHeader ? userDataHeader(userData.subarray(0, headerOctets)) : null;

  // TS 23.038 clause 4: only the general group (00xx) and the 1111 group are in use for our texts.
  const alphabet = (dcs & 0xc0) === 0 ? (dcs >> 2) & 0x03 : (dcs & 0xf0) === 0xf0 ? (dcs >> 2) & 0x01 : -1;
  let encoding: DecodedSubmit['encoding'];
  let text: string;
  if (alphabet === 0) {
    const headerSeptets = Math.ceil((headerOctets * 8) / 7);
    encoding = 'gsm7';
    text = gsm7Decode(unpackSeptets(userData, udl - headerSeptets, headerSeptets * 7));
  } else if (alphabet === 1) {
    encoding = '8bit';
    text = toHex(userData.subarray(headerOctets, udl));
  } else if (alphabet === 2) {
    encoding = 'ucs2';
    text = ucs2Decode(userData.subarray(headerOctets, udl));
  } else {
    throw new RangeError(`data coding scheme ${dcs} is not supported`);
  }
  return {
    messageReference,
    recipient: address.number,
    statusReport: (firstOctet & SRR) !== 0,
    encoding,
    text,
    concat,
  };
}
