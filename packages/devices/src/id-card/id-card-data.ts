/**
 * The base information of the second-generation resident ID card: 256 bytes of UCS-2 (little-endian) text in fixed-
 * width fields, padded with spaces, followed on the wire by the 1024-byte WLT photo. Widths and codes as GA 467
 * (read base information, 30 01) lays them out; sex codes from GB/T 2261.1, nation codes from GB 3304, the ID number
 * and its check digit from GB 11643.
 */
import { NATIONS, nationCode } from './nations';

export interface IdCardRecord {
  name: string;
  sex: '男' | '女';
  /** As printed on the card, e.g. 汉, 维吾尔. */
  nation: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  address: string;
  /** 18 characters; a check digit of 10 is the capital X. */
  idNumber: string;
  /** 签发机关. */
  authority: string;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, or 长期 for a card that does not expire. */
  validUntil: string;
}

export const TEXT_BYTES = 256;
export const PHOTO_BYTES = 1024;
export const NO_EXPIRY = '长期';

/** Field widths in bytes (two per character), in the order they lie in the text. */
const FIELDS = [
  ['name', 30],
  ['sex', 2],
  ['nation', 4],
  ['birthDate', 16],
  ['address', 70],
  ['idNumber', 36],
  ['authority', 30],
  ['validFrom', 16],
  ['validUntil', 16],
  ['reserved', 36],
] as const;

type FieldName = (typeof FIELDS)[number][0];

/** A base-information block that is not a valid card: the message names the field, never its content. */
export class IdCardRecordError extends Error {
  constructor(
    readonly field: FieldName | 'length',
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'IdCardRecordError';
  }
}

/**
 * The data of a read-base-information answer: text length and photo length (two bytes each, big-endian), the text,
 * then the photo. Only the text is decoded; the photo is never copied out of `data`.
 */
export function decodeBaseInfo(data: Uint8Array): IdCardRecord {
  if (data.length < 4) throw new IdCardRecordError('length', `${data.length} bytes, too short for the two lengths`);
  const textLength = ((data[0] as number) << 8) | (data[1] as number);
  const photoLength = ((data[2] as number) << 8) | (data[3] as number);
  if (textLength < TEXT_BYTES) throw new IdCardRecordError('length', `text of ${textLength} bytes, not ${TEXT_BYTES}`);
  if (data.length < 4 + textLength + photoLength) {
    throw new IdCardRecordError(
      'length',
      `${data.length} bytes, but the lengths announce ${4 + textLength + photoLength}`,
    );
  }
  return decodeBaseText(data.subarray(4, 4 + TEXT_BYTES));
}

/** The 256-byte text block; throws IdCardRecordError on anything a genuine card cannot hold. */
export function decodeBaseText(text: Uint8Array): IdCardRecord {
  if (text.length !== TEXT_BYTES) throw new IdCardRecordError('length', `text of ${text.length} bytes`);
  const raw = {} as Record<FieldName, string>;
  let offset = 0;
  for (const [field, width] of FIELDS) {
    raw[field] = trimPadding(Buffer.from(text.buffer, text.byteOffset + offset, width).toString('utf16le'));
    offset += width;
  }

  const required = (field: FieldName) => {
    if (raw[field] === '') throw new IdCardRecordError(field, 'is empty');
    return raw[field];
  };
  const name = required('name');
  const sex = raw.sex === '1' ? '男' : raw.sex === '2' ? '女' : null;
  if (sex === null) throw new IdCardRecordError('sex', 'is neither 1 (男) nor 2 (女)');
  const nation = NATIONS[raw.nation];
  if (nation === undefined) throw new IdCardRecordError('nation', 'is not a GB 3304 code');
  const birthDate = cardDate('birthDate', raw.birthDate);
  const idNumber = raw.idNumber.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber))
    throw new IdCardRecordError('idNumber', 'is not 17 digits and a check character');
  if (!hasValidCheckDigit(idNumber)) throw new IdCardRecordError('idNumber', 'fails its GB 11643 check digit');
  if (idNumber.slice(6, 14) !== raw.birthDate) throw new IdCardRecordError('idNumber', 'disagrees with the birth date');
  // GB 11643: the sequence code (digits 15–17) is odd for men, even for women.
  if ((Number(idNumber[16]) % 2 === 1 ? '男' : '女') !== sex) {
    throw new IdCardRecordError('idNumber', 'disagrees with the sex');
  }
  const validFrom = cardDate('validFrom', raw.validFrom);
  const validUntil = raw.validUntil === NO_EXPIRY ? NO_EXPIRY : cardDate('validUntil', raw.validUntil);
  if (validUntil !== NO_EXPIRY && validUntil <= validFrom) {
    throw new IdCardRecordError('validUntil', 'is not after the start of validity');
  }
  return {
    name,
    sex,
    nation,
    birthDate,
    address: required('address'),
    idNumber,
    authority: required('authority'),
    validFrom,
    validUntil,
  };
}

/** GB 11643-1999: weights 2^(17-i) mod 11 over the first 17 digits; the sum mod 11 picks the check character. */
export function hasValidCheckDigit(idNumber: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(idNumber)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(idNumber[i]), 0);
  return '10X98765432'[sum % 11] === idNumber[17]?.toUpperCase();
}

/** What the kiosk may show of a name: the first character, the rest as stars (张三 → 张*). */
export function maskedName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** The last four characters of an ID number, all that may leave the kiosk besides its keyed hash. */
export function idLastFour(idNumber: string): string {
  return idNumber.trim().toUpperCase().slice(-4);
}

/** Fields are padded with spaces; NULs count as padding too, so a zeroed field reads as empty. */
function trimPadding(text: string): string {
  const padding = (c: string | undefined) => c === ' ' || c === '\0';
  let start = 0;
  let end = text.length;
  while (start < end && padding(text[start])) start++;
  while (end > start && padding(text[end - 1])) end--;
  return text.slice(start, end);
}

function cardDate(field: FieldName, value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m === null) throw new IdCardRecordError(field, 'is not a date YYYYMMDD');
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) {
    throw new IdCardRecordError(field, 'is not a calendar date');
  }
  return `${y}-${mo}-${d}`;
}

/**
 * The card's side, for the simulator and tests: the 256-byte text of `record`. Only widths, codes and date shapes are
 * checked, so a test can place a card the driver must refuse (a wrong check digit).
 */
export function encodeBaseText(record: IdCardRecord): Uint8Array {
  const code = nationCode(record.nation);
  if (code === undefined) throw new RangeError(`nation ${record.nation} is not in GB 3304`);
  const values: Record<FieldName, string> = {
    name: record.name,
    sex: record.sex === '男' ? '1' : '2',
    nation: code,
    birthDate: compactDate('birthDate', record.birthDate),
    address: record.address,
    idNumber: record.idNumber,
    authority: record.authority,
    validFrom: compactDate('validFrom', record.validFrom),
    validUntil: record.validUntil === NO_EXPIRY ? NO_EXPIRY : compactDate('validUntil', record.validUntil),
    reserved: '',
  };
  const text = Buffer.alloc(TEXT_BYTES);
  let offset = 0;
  for (const [field, width] of FIELDS) {
    const chars = width / 2;
    if (values[field].length > chars) throw new RangeError(`${field} holds at most ${chars} characters`);
    text.write(values[field].padEnd(chars, ' '), offset, 'utf16le');
    offset += width;
  }
  return new Uint8Array(text);
}

/** The data of a read-base-information answer for `record`, with a blank photo. */
export function encodeBaseInfo(record: IdCardRecord): Uint8Array {
  const data = new Uint8Array(4 + TEXT_BYTES + PHOTO_BYTES);
  data.set([TEXT_BYTES >> 8, TEXT_BYTES & 0xff, PHOTO_BYTES >> 8, PHOTO_BYTES & 0xff], 0);
  data.set(encodeBaseText(record), 4);
  return data;
}

function compactDate(field: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`${field} is not a date YYYY-MM-DD`);
  return value.replaceAll('-', '');
}
