/**
 * SMS-STATUS-REPORT (3GPP TS 23.040 clause 9.2.2.3): what the service centre sends back for a part submitted with
 * TP-SRR, reaching the driver as +CDS (TS 27.005 clause 3.4.1).
 */
import { decodeAddress, encodeAddress, encodeSmscAddress, normalisePhoneNumber } from './sms-address';
import { toHex } from './gsm-alphabet';

const MTI_STATUS_REPORT = 0x02;

export type DeliveryState = 'delivered' | 'pending' | 'failed';

export interface StatusReport {
  /** TP-MR of the part it reports on: what +CMGS returned when the part was sent. */
  messageReference: number;
  recipient: string;
  state: DeliveryState;
  /** TP-ST as received (TS 23.040 clause 9.2.3.15). */
  statusCode: number;
  meaning: string;
  /** TP-SCTS: when the service centre took the part. */
  serviceCentreTime: Date;
  /** TP-DT: when the status came about (delivered, or the last attempt). */
  dischargeTime: Date;
}

// TS 23.040 clause 9.2.3.15: the named values of TP-ST; unnamed ones take their range's meaning.
const STATUS_MEANINGS: ReadonlyMap<number, string> = new Map([
  [0x00, 'received by the recipient'],
  [0x01, 'forwarded to the recipient, delivery not confirmed'],
  [0x02, 'replaced by the service centre'],
  [0x20, 'congestion'],
  [0x21, 'recipient busy'],
  [0x22, 'no response from the recipient'],
  [0x23, 'service rejected'],
  [0x24, 'quality of service not available'],
  [0x25, 'error in the recipient'],
  [0x40, 'remote procedure error'],
  [0x41, 'incompatible destination'],
  [0x42, 'connection rejected by the recipient'],
  [0x43, 'not obtainable'],
  [0x44, 'quality of service not available'],
  [0x45, 'no interworking available'],
  [0x46, 'validity period expired'],
  [0x47, 'deleted by the sender'],
  [0x48, 'deleted by the service centre'],
  [0x49, 'message does not exist'],
  [0x60, 'congestion'],
  [0x61, 'recipient busy'],
  [0x62, 'no response from the recipient'],
  [0x63, 'service rejected'],
  [0x64, 'quality of service not available'],
  [0x65, 'error in the recipient'],
]);

/**
 * TS 23.040 clause 9.2.3.15: 0x00–0x1F the transaction completed; 0x20–0x3F a temporary error, the centre still
 * trying; 0x40–0x5F a permanent error; 0x60–0x7F a temporary error the centre has given up on. Above 0x7F the
 * values are reserved: a report that cannot be read as delivered is counted as failed, so the notice is followed up.
 */
export function deliveryState(status: number): { state: DeliveryState; meaning: string } {
  const named = STATUS_MEANINGS.get(status);
  if (status <= 0x1f) return { state: 'delivered', meaning: named ?? 'delivered (service-centre specific status)' };
  if (status <= 0x3f) return { state: 'pending', meaning: `still trying: ${named ?? 'temporary error'}` };
  if (status <= 0x5f) return { state: 'failed', meaning: named ?? 'permanent error' };
  if (status <= 0x7f) return { state: 'failed', meaning: `gave up: ${named ?? 'temporary error'}` };
  return { state: 'failed', meaning: 'reserved status' };
}

function semiOctet(octet: number): number {
  return (octet & 0x0f) * 10 + (octet >> 4);
}

/**
 * TS 23.040 clause 9.2.3.11: seven semi-octet pairs, year to second, then the zone in quarter hours, bit 3 its sign.
 * Years are 2000–2099: the field has two digits, and the phones of the 1990s are gone.
 */
function decodeTimestamp(octets: Uint8Array, at: number): Date {
  const field = octets.subarray(at, at + 7);
  if (field.length < 7) throw new RangeError('the PDU ends inside a timestamp');
  const [year, month, day, hour, minute, second] = [...field.subarray(0, 6)].map(semiOctet) as number[];
  const zone = field[6] as number;
  const quarters = (zone & 0x07) * 10 + (zone >> 4);
  const offsetMinutes = (zone & 0x08 ? -quarters : quarters) * 15;
  const utc = Date.UTC(2000 + year!, month! - 1, day, hour, minute, second);
  return new Date(utc - offsetMinutes * 60_000);
}

function encodeTimestamp(at: Date, zoneQuarters: number): number[] {
  const local = new Date(at.getTime() + zoneQuarters * 15 * 60_000);
  const fields = [
    local.getUTCFullYear() % 100,
    local.getUTCMonth() + 1,
    local.getUTCDate(),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
  ];
  const swap = (n: number) => ((n % 10) << 4) | Math.floor(n / 10);
  const zone = swap(Math.abs(zoneQuarters)) | (zoneQuarters < 0 ? 0x08 : 0);
  return [...fields.map(swap), zone];
}

/** Decodes the TPDU of an SMS-STATUS-REPORT (after its SMSC address). Throws RangeError when it is not one. */
export function decodeStatusReport(tpdu: Uint8Array): StatusReport {
  const firstOctet = tpdu[0];
  if (firstOctet === undefined || (firstOctet & 0x03) !== MTI_STATUS_REPORT) {
    throw new RangeError('not an SMS-STATUS-REPORT');
  }
  const messageReference = tpdu[1];
  if (messageReference === undefined) throw new RangeError('the PDU ends before TP-MR');
  const address = decodeAddress(tpdu, 2);
  const at = 2 + address.length;
  const serviceCentreTime = decodeTimestamp(tpdu, at);
  const dischargeTime = decodeTimestamp(tpdu, at + 7);
  const statusCode = tpdu[at + 14];
  if (statusCode === undefined) throw new RangeError('the PDU ends before TP-ST');
  return {
    messageReference,
    recipient: address.number,
    ...deliveryState(statusCode),
    statusCode,
    serviceCentreTime,
    dischargeTime,
  };
}

export interface StatusReportInput {
  messageReference: number;
  recipient: string;
  statusCode: number;
  serviceCentreTime: Date;
  dischargeTime: Date;
  /** The service centre's zone in quarter hours; China is +32 (UTC+8). */
  zoneQuarters?: number;
}

/** The TPDU of an SMS-STATUS-REPORT, as a service centre would send it (for the simulator). */
export function encodeStatusReport(report: StatusReportInput): Uint8Array {
  const zone = report.zoneQuarters ?? 32;
  return new Uint8Array([
    // TP-MTI status report, TP-MMS set (no more messages waiting), TP-SRQ 0 (the report is on an SMS-SUBMIT).
    MTI_STATUS_REPORT | 0x04,
    report.messageReference & 0xff,
    ...encodeAddress(normalisePhoneNumber(report.recipient, 'recipient')),
    ...encodeTimestamp(report.serviceCentreTime, zone),
    ...encodeTimestamp(report.dischargeTime, zone),
    report.statusCode & 0xff,
  ]);
}

/**
 * A +CDS in PDU mode as a modem prints it (TS 27.005 clause 3.4.1): the TPDU's length in octets, then on the next
 * line the service centre's address and the TPDU in hex.
 */
export function cdsPduLines(report: StatusReportInput, serviceCentre: string): string[] {
  const tpdu = encodeStatusReport(report);
  return [`+CDS: ${tpdu.length}`, toHex(new Uint8Array([...encodeSmscAddress(serviceCentre), ...tpdu]))];
}
