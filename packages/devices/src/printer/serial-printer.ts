import { SerialPort } from 'serialport';
import {
  DLE_EOT,
  isPaperEnd,
  isStatusByte,
  PaperOutError,
  PrinterError,
  PrinterOfflineError,
  PrinterTimeoutError,
  statusFromReplies,
  type PrinterStatus,
} from './printer-errors';

export interface SerialAddress {
  /** Device path, e.g. /dev/ttyUSB0. */
  path: string;
  baudRate: number;
}

const uri = (a: SerialAddress) => `serial:${a.path}?baud=${a.baudRate}`;

type Phase = 'opening' | 'asking' | 'writing';

/**
 * Opens the port, runs `job`, closes the port; all within `timeoutMs`. A serial port opens whether or not a printer
 * is on the cable, so a status request left unanswered means offline, while a write that cannot drain is a timeout.
 */
function withPort<T>(
  address: SerialAddress,
  timeoutMs: number,
  job: (port: SerialPort, ask: (request: number[], replyBytes: number) => Promise<Buffer>) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let phase: Phase = 'opening';
    let settled = false;
    let received = Buffer.alloc(0);
    let waiting: { n: number; resolve: (b: Buffer) => void } | null = null;
    const port = new SerialPort({ path: address.path, baudRate: address.baudRate, autoOpen: false });

    const close = () =>
      new Promise<void>((done) => {
        if (!port.isOpen) return done();
        port.close(() => done());
      });
    const finish = (err: Error | null, value?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void close().then(() => (err ? reject(err) : resolve(value as T)));
    };
    const timer = setTimeout(() => {
      finish(
        phase === 'writing'
          ? new PrinterTimeoutError(
              `printer on ${address.path} did not take the job within ${timeoutMs} ms`,
              uri(address),
            )
          : new PrinterOfflineError(`printer on ${address.path} did not answer within ${timeoutMs} ms`, uri(address)),
      );
    }, timeoutMs);

    const deliver = () => {
      if (waiting && received.length >= waiting.n) {
        const { n, resolve: r } = waiting;
        waiting = null;
        const out = received.subarray(0, n);
        received = received.subarray(n);
        r(out);
      }
    };
    const ask = (request: number[], replyBytes: number) => {
      phase = 'asking';
      port.write(Buffer.from(request));
      return new Promise<Buffer>((r) => {
        waiting = { n: replyBytes, resolve: r };
        deliver();
      }).finally(() => {
        phase = 'writing';
      });
    };

    port.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      deliver();
    });
    port.on('error', (cause) => {
      finish(new PrinterOfflineError(`printer on ${address.path} failed: ${cause.message}`, uri(address), { cause }));
    });
    port.open((cause) => {
      if (cause) {
        finish(new PrinterOfflineError(`no printer on ${address.path}: ${cause.message}`, uri(address), { cause }));
        return;
      }
      phase = 'writing';
      job(port, ask).then(
        (value) => finish(null, value),
        (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))),
      );
    });
  });
}

/**
 * Sends a print job to a serial printer. Resolves once every byte has left the port (tcdrain); rejects with
 * PrinterOfflineError, PrinterTimeoutError or PaperOutError.
 */
export function printSerial(
  bytes: Uint8Array,
  address: SerialAddress,
  options: { timeoutMs?: number; checkPaper?: boolean } = {},
): Promise<void> {
  return withPort(address, options.timeoutMs ?? 5000, async (port, ask) => {
    if (options.checkPaper ?? true) {
      const [roll] = await ask(DLE_EOT(4), 1);
      if (roll !== undefined && isStatusByte(roll) && isPaperEnd(roll)) {
        throw new PaperOutError(`printer on ${address.path} is out of paper`, uri(address));
      }
    }
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes));
      port.drain((cause) =>
        cause
          ? reject(
              new PrinterOfflineError(`printer on ${address.path} failed: ${cause.message}`, uri(address), { cause }),
            )
          : resolve(),
      );
    });
  });
}

/** Asks a serial printer (DLE EOT 1, DLE EOT 4) whether it can print. */
export async function serialStatus(address: SerialAddress, timeoutMs = 2000): Promise<PrinterStatus> {
  try {
    const reply = await withPort(address, timeoutMs, (_port, ask) => ask([...DLE_EOT(1), ...DLE_EOT(4)], 2));
    return statusFromReplies(reply[0] as number, reply[1] as number);
  } catch (err) {
    if (err instanceof PrinterError) return 'offline';
    throw err;
  }
}
