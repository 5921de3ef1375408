// What a print job over a byte stream (TCP, serial) does the same whatever the transport: reading the printer's
// replies, the paper check before printing and the status query.
import {
  DLE_EOT,
  isPaperEnd,
  isStatusByte,
  PaperOutError,
  PrinterError,
  statusFromReplies,
  type PrinterStatus,
} from './printer-errors';

export interface JobOptions {
  /** Whole job: connect, status check, write and close. Default 5000 ms. */
  timeoutMs?: number;
  /** Ask for the paper sensor (DLE EOT 4) before printing and refuse on paper end. Default true. */
  checkPaper?: boolean;
}

/** Sends `request` and resolves with the next `replyBytes` bytes the printer sends. */
export type Ask = (request: number[], replyBytes: number) => Promise<Buffer>;

/** DLE EOT 1 and DLE EOT 4 at once: the two bytes statusFromReplies reads. */
export const STATUS_REQUEST = [...DLE_EOT(1), ...DLE_EOT(4)];

/** Collects the bytes the printer sends and hands out the next `n` to whoever reads. */
export function replyReader() {
  let received = Buffer.alloc(0);
  let waiting: { n: number; resolve: (b: Buffer) => void } | null = null;
  const deliver = () => {
    if (waiting && received.length >= waiting.n) {
      const { n, resolve } = waiting;
      waiting = null;
      const out = received.subarray(0, n);
      received = received.subarray(n);
      resolve(out);
    }
  };
  return {
    push(chunk: Buffer) {
      received = Buffer.concat([received, chunk]);
      deliver();
    },
    read: (n: number) =>
      new Promise<Buffer>((resolve) => {
        waiting = { n, resolve };
        deliver();
      }),
    /** A read still waits for its bytes. */
    isWaiting: () => waiting !== null,
  };
}

/**
 * Asks the paper sensor and throws PaperOutError on paper end; a reply that is no status byte is let through.
 * `printer` starts the message, e.g. "printer on /dev/ttyUSB0".
 */
export async function refuseOnPaperEnd(ask: Ask, printer: string, uri: string): Promise<void> {
  const [roll] = await ask(DLE_EOT(4), 1);
  if (roll !== undefined && isStatusByte(roll) && isPaperEnd(roll)) {
    throw new PaperOutError(`${printer} is out of paper`, uri);
  }
}

/** Reads the replies to STATUS_REQUEST; a printer that could not be asked (any PrinterError) is offline. */
export async function statusOf(reply: Promise<Buffer>): Promise<PrinterStatus> {
  try {
    const [printer, roll] = await reply;
    return statusFromReplies(printer as number, roll as number);
  } catch (err) {
    if (err instanceof PrinterError) return 'offline';
    throw err;
  }
}
