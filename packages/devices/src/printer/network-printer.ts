import net from 'node:net';
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

export interface PrinterAddress {
  host: string;
  port: number;
}

export interface PrintOptions extends PrinterAddress {
  /** Whole job: connect, status check, write and close. Default 5000 ms. */
  timeoutMs?: number;
  /** Ask for the paper sensor (DLE EOT 4) before printing and refuse on paper end. Default true. */
  checkPaper?: boolean;
}

const where = (a: PrinterAddress) => `${a.host}:${a.port}`;
const uri = (a: PrinterAddress) => `tcp://${where(a)}`;

/**
 * Opens a connection and runs `job` on it; everything must finish before `timeoutMs`.
 * Connection failures become PrinterOfflineError, running out of time PrinterTimeoutError.
 */
function withConnection<T>(
  address: PrinterAddress,
  timeoutMs: number,
  job: (socket: net.Socket, read: (n: number) => Promise<Buffer>) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let connected = false;
    let settled = false;
    let received = Buffer.alloc(0);
    let waiting: { n: number; resolve: (b: Buffer) => void } | null = null;
    const socket = net.connect({ host: address.host, port: address.port });

    const finish = (err: Error | null, value?: T) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        socket.destroy();
        reject(err);
      } else resolve(value as T);
    };
    const timer = setTimeout(() => {
      finish(
        connected
          ? new PrinterTimeoutError(`printer ${where(address)} did not finish within ${timeoutMs} ms`, uri(address))
          : new PrinterOfflineError(`printer ${where(address)} did not answer within ${timeoutMs} ms`, uri(address)),
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
    const read = (n: number) =>
      new Promise<Buffer>((r) => {
        waiting = { n, resolve: r };
        deliver();
      });

    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      deliver();
    });
    socket.on('error', (cause) => {
      finish(
        connected
          ? new PrinterOfflineError(`connection to printer ${where(address)} failed: ${cause.message}`, uri(address), {
              cause,
            })
          : new PrinterOfflineError(`printer ${where(address)} is offline: ${cause.message}`, uri(address), { cause }),
      );
    });
    socket.on('close', () => {
      if (waiting) finish(new PrinterOfflineError(`printer ${where(address)} closed the connection`, uri(address)));
    });
    socket.on('connect', () => {
      connected = true;
      job(socket, read).then(
        (value) => finish(null, value),
        (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))),
      );
    });
  });
}

/**
 * Sends a print job over raw TCP (port 9100). Resolves once every byte is written and the printer
 * closed the connection cleanly; rejects with PrinterOfflineError, PrinterTimeoutError or PaperOutError.
 */
export function printTicket(bytes: Uint8Array, options: PrintOptions): Promise<void> {
  const address = { host: options.host, port: options.port };
  const timeoutMs = options.timeoutMs ?? 5000;
  return withConnection(address, timeoutMs, async (socket, read) => {
    if (options.checkPaper ?? true) {
      socket.write(Buffer.from(DLE_EOT(4)));
      const [roll] = await read(1);
      if (roll !== undefined && isStatusByte(roll) && isPaperEnd(roll)) {
        throw new PaperOutError(`printer ${where(address)} is out of paper`, uri(address));
      }
    }
    await new Promise<void>((resolve, reject) => {
      socket.once('close', (hadError) =>
        hadError
          ? reject(new PrinterOfflineError(`printer ${where(address)} dropped the connection`, uri(address)))
          : resolve(),
      );
      socket.end(bytes);
    });
  });
}

/** Asks the printer (DLE EOT 1, DLE EOT 4) whether it can print. */
export async function printerStatus(address: PrinterAddress & { timeoutMs?: number }): Promise<PrinterStatus> {
  const target = { host: address.host, port: address.port };
  try {
    const [printer, roll] = await withConnection(target, address.timeoutMs ?? 2000, async (socket, read) => {
      socket.write(Buffer.from([...DLE_EOT(1), ...DLE_EOT(4)]));
      const reply = await read(2);
      socket.end();
      return [reply[0] as number, reply[1] as number];
    });
    return statusFromReplies(printer, roll);
  } catch (err) {
    if (err instanceof PrinterError) return 'offline';
    throw err;
  }
}
