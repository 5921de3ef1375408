import { DoorStage } from '@hallq/shared/contracts';
import { issueLines } from '@hallq/shell';
import { z } from 'zod';
import type { TicketPrintJob } from '../bridge/kiosk-bridge';

/**
 * What the renderer sends over the bridge, checked before the main process acts on it: the renderer is a web page
 * and is not trusted. Limits keep a broken or hostile page from feeding the printer a roll of paper.
 */
export class BridgeInputError extends Error {
  override readonly name = 'BridgeInputError';
  /** One line per problem, each naming its field: `job.number: must be a ticket number like A001`. */
  readonly problems: string[];
  constructor(...problems: string[]) {
    super(problems.join('; '));
    this.problems = problems;
  }
}

const MAX_TEXT = 200;
const MAX_URL = 500;
const MAX_MATERIALS = 40;
const MAX_WINDOWS = 100;
/** The longest a renderer may hold the card reader: a citizen fumbling for a card, not a stuck screen. */
export const MAX_ID_CARD_WAIT_MS = 120_000;

// A schema's error message also covers its checks (.min, .regex, .refine…), so each field has one message.
const text = z
  .string({ error: `must be a non-empty string of at most ${MAX_TEXT} characters` })
  .max(MAX_TEXT)
  .regex(/\S/);

const count = (error: string) => z.int({ error }).min(0);

/** A TicketPrintJob with nothing extra and nothing out of range. Parsing builds a fresh object and fresh lists. */
const ticketPrintJob = z
  .object(
    {
      hallName: text,
      windowTypeName: text,
      serviceItemName: text.nullable(),
      number: z.string({ error: 'must be a ticket number like A001' }).regex(/^[A-Z]\d{3,5}$/),
      peopleAhead: count('must be a whole number, 0 or more'),
      estimatedWaitMinutes: count('must be a whole number of minutes, 0 or more, or null').nullable(),
      windows: z
        .array(z.int({ error: 'must be a window number, 1 or more' }).min(1), {
          error: `must be a list of at most ${MAX_WINDOWS} window numbers`,
        })
        .max(MAX_WINDOWS),
      issuedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant, e.g. 2026-11-23T01:02:03.000Z' }),
      timeZone: z.string({ error: 'must be an IANA time zone' }).refine(isTimeZone),
      // The QR code is ASCII (the printer encodes it byte by byte) and must open in a phone's browser.
      statusUrl: z
        .url({
          protocol: /^https?$/,
          error: `must be an absolute http(s) URL in ASCII of at most ${MAX_URL} characters`,
        })
        .max(MAX_URL)
        .regex(/^[\x21-\x7e]+$/),
      materials: z
        .array(text, { error: `must be a list of at most ${MAX_MATERIALS} non-empty strings` })
        .max(MAX_MATERIALS),
      inCitizenLanguage: z
        .object(
          { windowTypeName: text, validToday: text },
          { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : 'must be an object or null') },
        )
        .strict()
        .nullish(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : 'must be an object') },
  )
  .strict() satisfies z.ZodType<TicketPrintJob>;

/** Throws naming every bad field. */
export function parseTicketPrintJob(value: unknown): TicketPrintJob {
  const result = ticketPrintJob.safeParse(value);
  if (!result.success) throw new BridgeInputError(...issueLines(result.error, ['job']));
  return result.data;
}

const idCardTimeout = z
  .int({ error: `must be a whole number of milliseconds from 0 to ${MAX_ID_CARD_WAIT_MS}` })
  .min(0)
  .max(MAX_ID_CARD_WAIT_MS);

/** readIdCard's wait: whole milliseconds, 0 to MAX_ID_CARD_WAIT_MS. */
export function parseIdCardTimeout(value: unknown): number {
  const result = idCardTimeout.safeParse(value);
  if (!result.success) throw new BridgeInputError(...issueLines(result.error, ['timeoutMs']));
  return result.data;
}

const pickupCode = z.string({ error: 'must be the 6-digit pickup code' }).regex(/^\d{6}$/);

/** collectPickup's code: six digits, nothing else. */
export function parsePickupCode(value: unknown): string {
  const result = pickupCode.safeParse(value);
  if (!result.success) throw new BridgeInputError(...issueLines(result.error, ['code']));
  return result.data;
}

/** The longest one doorStage call may wait; the renderer asks again. */
export const MAX_DOOR_WAIT_MS = 30_000;

const doorStageQuery = z
  .object(
    {
      commandId: z.string({ error: 'must be a door command id' }).regex(/^[A-Za-z0-9-]{8,64}$/),
      after: z.enum(DoorStage.options, { error: 'must be pending, open, closed or failed' }),
      waitMs: z
        .int({ error: `must be a whole number of milliseconds from 0 to ${MAX_DOOR_WAIT_MS}` })
        .min(0)
        .max(MAX_DOOR_WAIT_MS),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : 'must be an object') },
  )
  .strict();
export type DoorStageQuery = z.infer<typeof doorStageQuery>;

/** doorStage's arguments, sent over IPC as one object. */
export function parseDoorStageQuery(value: unknown): DoorStageQuery {
  const result = doorStageQuery.safeParse(value);
  if (!result.success) throw new BridgeInputError(...issueLines(result.error));
  return result.data;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
