import type { TicketPrintJob } from '../bridge/kiosk-bridge';

/**
 * What the renderer sends over the bridge, checked before the main process acts on it: the renderer is a web page
 * and is not trusted. Limits keep a broken or hostile page from feeding the printer a roll of paper.
 */
export class BridgeInputError extends Error {
  override readonly name = 'BridgeInputError';
}

const MAX_TEXT = 200;
const MAX_URL = 500;
const MAX_MATERIALS = 40;
const MAX_WINDOWS = 100;
/** The longest a renderer may hold the card reader: a citizen fumbling for a card, not a stuck screen. */
export const MAX_ID_CARD_WAIT_MS = 120_000;

const FIELDS: readonly (keyof TicketPrintJob)[] = [
  'hallName',
  'windowTypeName',
  'number',
  'peopleAhead',
  'estimatedWaitMinutes',
  'windows',
  'issuedAt',
  'timeZone',
  'statusUrl',
  'materials',
];

/** A TicketPrintJob with nothing extra and nothing out of range; throws naming every bad field. */
export function parseTicketPrintJob(value: unknown): TicketPrintJob {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BridgeInputError('job: must be an object');
  }
  const job = value as Record<string, unknown>;
  const problems: string[] = [];
  const fail = (field: string, message: string) => problems.push(`job.${field}: ${message}`);
  for (const key of Object.keys(job)) if (!(FIELDS as readonly string[]).includes(key)) fail(key, 'unknown field');

  for (const field of ['hallName', 'windowTypeName'] as const) {
    if (!isText(job[field], MAX_TEXT)) fail(field, `must be a non-empty string of at most ${MAX_TEXT} characters`);
  }
  if (typeof job.number !== 'string' || !/^[A-Z]\d{3,5}$/.test(job.number)) {
    fail('number', 'must be a ticket number like A001');
  }
  if (!isCount(job.peopleAhead)) fail('peopleAhead', 'must be a whole number, 0 or more');
  if (job.estimatedWaitMinutes !== null && !isCount(job.estimatedWaitMinutes)) {
    fail('estimatedWaitMinutes', 'must be a whole number of minutes, 0 or more, or null');
  }
  if (
    !Array.isArray(job.windows) ||
    job.windows.length > MAX_WINDOWS ||
    !job.windows.every((w) => isCount(w) && w > 0)
  ) {
    fail('windows', `must be a list of at most ${MAX_WINDOWS} window numbers`);
  }
  if (typeof job.issuedAt !== 'string' || !isIsoInstant(job.issuedAt)) {
    fail('issuedAt', 'must be an ISO 8601 instant, e.g. 2026-11-23T01:02:03.000Z');
  }
  if (typeof job.timeZone !== 'string' || !isTimeZone(job.timeZone)) fail('timeZone', 'must be an IANA time zone');
  if (typeof job.statusUrl !== 'string' || !isStatusUrl(job.statusUrl)) {
    fail('statusUrl', `must be an absolute http(s) URL in ASCII of at most ${MAX_URL} characters`);
  }
  if (
    !Array.isArray(job.materials) ||
    job.materials.length > MAX_MATERIALS ||
    !job.materials.every((m) => isText(m, MAX_TEXT))
  ) {
    fail('materials', `must be a list of at most ${MAX_MATERIALS} non-empty strings`);
  }

  if (problems.length > 0) throw new BridgeInputError(problems.join('; '));
  // A fresh object of the known fields only, so nothing else rides along to the printer.
  return {
    hallName: job.hallName as string,
    windowTypeName: job.windowTypeName as string,
    number: job.number as string,
    peopleAhead: job.peopleAhead as number,
    estimatedWaitMinutes: job.estimatedWaitMinutes as number | null,
    windows: [...(job.windows as number[])],
    issuedAt: job.issuedAt as string,
    timeZone: job.timeZone as string,
    statusUrl: job.statusUrl as string,
    materials: [...(job.materials as string[])],
  };
}

/** readIdCard's wait: whole milliseconds, 0 to MAX_ID_CARD_WAIT_MS. */
export function parseIdCardTimeout(value: unknown): number {
  if (!isCount(value) || value > MAX_ID_CARD_WAIT_MS) {
    throw new BridgeInputError(`timeoutMs: must be a whole number of milliseconds from 0 to ${MAX_ID_CARD_WAIT_MS}`);
  }
  return value;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function isIsoInstant(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))
  );
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The QR code is ASCII (the printer encodes it byte by byte) and must open in a phone's browser. */
function isStatusUrl(text: string): boolean {
  if (text.length > MAX_URL || !/^[\x21-\x7e]+$/.test(text)) return false;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
