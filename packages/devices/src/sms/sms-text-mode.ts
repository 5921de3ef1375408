/**
 * Text mode (TS 27.005 clause 3, AT+CMGF=1), the fallback for modems whose PDU mode misbehaves. With AT+CSCS="UCS2"
 * the number goes as UCS-2 hex; the message is UCS-2 (data coding scheme 8 set by AT+CSMP), entered as hex, and
 * when it is split each part starts with the concatenation header, TP-UDHI set in the first octet (clause 3.1, <data>).
 */
import { TOA_INTERNATIONAL, TOA_UNKNOWN, normalisePhoneNumber } from './sms-address';
import { fromHex, toHex, ucs2Decode, ucs2Encode } from './gsm-alphabet';
import { relativeValidity, splitSms, type ConcatInfo } from './sms-pdu';
import { deliveryState, type StatusReport } from './sms-status-report';

const FO_SUBMIT_RELATIVE_VP = 0x11;
const SRR = 0x20;
const UDHI = 0x40;
const DCS_UCS2 = 8;

export interface TextModeMessage {
  /** AT+CSMP for this message: its first octet, validity and UCS-2 coding (TS 27.005 clause 3.3.2). */
  parameters: string;
  /** Per part, the AT+CMGS command line and the hex typed at its prompt. */
  parts: { command: string; data: string }[];
}

export function textModeMessage(options: {
  to: string;
  text: string;
  statusReport: boolean;
  concatReference: number;
  validityMinutes: number;
}): TextModeMessage {
  const to = normalisePhoneNumber(options.to);
  const chunks = splitSms(options.text, 'ucs2').parts;
  const concatenated = chunks.length > 1;
  const firstOctet = FO_SUBMIT_RELATIVE_VP | (options.statusReport ? SRR : 0) | (concatenated ? UDHI : 0);
  const da = toHex(ucs2Encode(to));
  const toda = to.startsWith('+') ? TOA_INTERNATIONAL : TOA_UNKNOWN;
  return {
    parameters: `AT+CSMP=${firstOctet},${relativeValidity(options.validityMinutes)},0,${DCS_UCS2}`,
    parts: chunks.map((chunk, i) => {
      const header = concatenated ? [5, 0, 3, options.concatReference & 0xff, chunks.length, i + 1] : [];
      return {
        command: `AT+CMGS="${da}",${toda}`,
        data: toHex(new Uint8Array([...header, ...ucs2Encode(chunk)])),
      };
    }),
  };
}

/** The simulator's side: a text-mode submission read back into recipient, text and concatenation. */
export function decodeTextModeSubmission(
  da: string,
  firstOctet: number,
  data: string,
): { recipient: string; text: string; concat: ConcatInfo | null } {
  const recipient = normalisePhoneNumber(ucs2Decode(fromHex(da, 'the destination address')), 'destination address');
  const octets = fromHex(data.trim(), 'the message data');
  if ((firstOctet & UDHI) === 0) return { recipient, text: ucs2Decode(octets), concat: null };
  const headerLength = (octets[0] ?? 0) + 1;
  const header = octets.subarray(0, headerLength);
  const concat =
    header[1] === 0 && header[2] === 3
      ? { reference: header[3] as number, total: header[4] as number, sequence: header[5] as number }
      : null;
  return { recipient, text: ucs2Decode(octets.subarray(headerLength)), concat };
}

/** Splits AT response parameters on commas outside double quotes, quotes removed. */
export function atFields(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/** "yy/MM/dd,hh:mm:ss±zz", the zone in quarter hours (TS 27.005 clause 3.1, <scts>). */
function textTimestamp(value: string): Date {
  const m = /^(\d\d)\/(\d\d)\/(\d\d),(\d\d):(\d\d):(\d\d)([+-]\d\d)$/.exec(value);
  if (m === null) throw new RangeError('a status report timestamp is not yy/MM/dd,hh:mm:ss±zz');
  const [, yy, mo, dd, hh, mi, ss, zz] = m.map(Number) as number[];
  const utc = Date.UTC(2000 + yy!, mo! - 1, dd, hh, mi, ss);
  return new Date(utc - zz! * 15 * 60_000);
}

/**
 * Parses a text-mode +CDS: "<fo>,<mr>,[<ra>],[<tora>],<scts>,<dt>,<st>" (TS 27.005 clause 3.4.1); with
 * AT+CSCS="UCS2" the address comes as UCS-2 hex.
 */
export function parseTextStatusReport(fields: string, ucs2: boolean): StatusReport {
  const [, mr, ra, , scts, dt, st] = atFields(fields);
  if (st === undefined || !/^\d+$/.test(st) || !/^\d+$/.test(mr ?? '')) {
    throw new RangeError('a text-mode status report does not have seven fields');
  }
  const address = ucs2 ? ucs2Decode(fromHex(ra ?? '', 'the recipient address')) : (ra ?? '');
  const statusCode = Number(st);
  return {
    messageReference: Number(mr),
    recipient: address,
    ...deliveryState(statusCode),
    statusCode,
    serviceCentreTime: textTimestamp(scts ?? ''),
    dischargeTime: textTimestamp(dt ?? ''),
  };
}

function formatTimestamp(at: Date, zoneQuarters: number): string {
  const local = new Date(at.getTime() + zoneQuarters * 15 * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${two(local.getUTCFullYear() % 100)}/${two(local.getUTCMonth() + 1)}/${two(local.getUTCDate())}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`;
  return `${date},${time}${zoneQuarters < 0 ? '-' : '+'}${two(Math.abs(zoneQuarters))}`;
}

/** The fields of a text-mode +CDS, as a modem set to AT+CSCS="UCS2" prints them (for the simulator). */
export function formatTextStatusReport(report: {
  messageReference: number;
  recipient: string;
  statusCode: number;
  serviceCentreTime: Date;
  dischargeTime: Date;
}): string {
  const ra = toHex(ucs2Encode(report.recipient));
  const tora = report.recipient.startsWith('+') ? TOA_INTERNATIONAL : TOA_UNKNOWN;
  const scts = formatTimestamp(report.serviceCentreTime, 32);
  const dt = formatTimestamp(report.dischargeTime, 32);
  return `6,${report.messageReference},"${ra}",${tora},"${scts}","${dt}",${report.statusCode}`;
}
