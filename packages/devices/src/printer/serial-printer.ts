import { SerialPort } from 'serialport';
import { PrinterOfflineError, PrinterTimeoutError, type PrinterStatus } from './printer-errors';
import { refuseOnPaperEnd, replyReader, statusOf, STATUS_REQUEST, type Ask, type JobOptions } from './printer-job';

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
  job: (port: SerialPort, ask: Ask) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let phase: Phase = 'opening';
    let settled = false;
    const replies = replyReader();
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

    const ask: Ask = (request, replyBytes) => {
      phase = 'asking';
      port.write(Buffer.from(request));
      return replies.read(replyBytes).finally(() => {
        phase = 'writing';
      });
    };

    port.on('data', (chunk: Buffer) => replies.push(chunk));
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
export function printSerial(bytes: Uint8Array, address: SerialAddress, options: JobOptions = {}): Promise<void> {
  return withPort(address, options.timeoutMs ?? 5000, async (port, ask) => {
    if (options.checkPaper ?? true) await refuseOnPaperEnd(ask, `printer on ${address.path}`, uri(address));
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
export function serialStatus(address: SerialAddress, timeoutMs = 2000): Promise<PrinterStatus> {
  return statusOf(withPort(address, timeoutMs, (_port, ask) => ask(STATUS_REQUEST, 2)));
}
