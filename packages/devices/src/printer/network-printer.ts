import net from 'node:net';
import { PrinterOfflineError, PrinterTimeoutError, type PrinterStatus } from './printer-errors';
import { refuseOnPaperEnd, replyReader, statusOf, STATUS_REQUEST, type Ask, type JobOptions } from './printer-job';

export interface PrinterAddress {
  host: string;
  port: number;
}

export interface PrintOptions extends PrinterAddress, JobOptions {}

const where = (a: PrinterAddress) => `${a.host}:${a.port}`;
const uri = (a: PrinterAddress) => `tcp://${where(a)}`;

/**
 * Opens a connection and runs `job` on it; everything must finish before `timeoutMs`.
 * Connection failures become PrinterOfflineError, running out of time PrinterTimeoutError.
 */
function withConnection<T>(
  address: PrinterAddress,
  timeoutMs: number,
  job: (socket: net.Socket, ask: Ask) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let connected = false;
    let settled = false;
    const replies = replyReader();
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

    const ask: Ask = (request, replyBytes) => {
      socket.write(Buffer.from(request));
      return replies.read(replyBytes);
    };

    socket.on('data', (chunk) => replies.push(chunk));
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
      if (replies.isWaiting()) {
        finish(new PrinterOfflineError(`printer ${where(address)} closed the connection`, uri(address)));
      }
    });
    socket.on('connect', () => {
      connected = true;
      job(socket, ask).then(
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
  return withConnection(address, timeoutMs, async (socket, ask) => {
    if (options.checkPaper ?? true) await refuseOnPaperEnd(ask, `printer ${where(address)}`, uri(address));
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
export function printerStatus(address: PrinterAddress & { timeoutMs?: number }): Promise<PrinterStatus> {
  const target = { host: address.host, port: address.port };
  return statusOf(
    withConnection(target, address.timeoutMs ?? 2000, async (socket, ask) => {
      const reply = await ask(STATUS_REQUEST, 2);
      socket.end();
      return reply;
    }),
  );
}
