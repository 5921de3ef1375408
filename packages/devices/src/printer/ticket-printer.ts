import { encodeTicket } from './escpos-encoder';
import { printerStatus, printTicket } from './network-printer';
import type { PrinterStatus } from './printer-errors';
import { printSerial, serialStatus } from './serial-printer';
import { printSystem, systemPrinterStatus } from './system-printer';
import { ticketLines, type PaperWidth, type TicketPrint } from './ticket-layout';

/** Where a kiosk's ticket printer is, parsed from its URI. */
export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'system'; name: string };

export class PrinterUriError extends Error {
  override name = 'PrinterUriError';
}

const FORMS = 'tcp://host:9100, serial:/dev/ttyUSB0?baud=9600 or printer:NAME';

/**
 * Parses `tcp://host[:port]` (port 9100 by default), `serial:PATH[?baud=N]` (9600 baud by default) or
 * `printer:NAME` (a CUPS queue). Throws PrinterUriError naming what is wrong.
 */
export function parsePrinterUri(uri: string): PrinterTarget {
  const bad = (why: string) => new PrinterUriError(`printer "${uri}": ${why}`);
  const scheme = /^([a-z]+):/i.exec(uri)?.[1]?.toLowerCase();
  if (scheme === 'tcp') {
    const m = /^tcp:\/\/(\[[0-9a-f:.]+\]|[^\s/:?#[\]]+)(?::(\d+))?\/?$/i.exec(uri);
    if (!m) throw bad('expected tcp://host:port');
    const port = m[2] === undefined ? 9100 : Number(m[2]);
    if (port < 1 || port > 65535) throw bad(`port ${m[2]} is out of range`);
    return { kind: 'tcp', host: (m[1] as string).replace(/^\[(.*)\]$/, '$1'), port };
  }
  if (scheme === 'serial') {
    const m = /^serial:([^?\s]+)(?:\?(.*))?$/i.exec(uri);
    if (!m) throw bad('expected serial:/dev/ttyUSB0?baud=9600');
    const params = new URLSearchParams(m[2] ?? '');
    for (const key of params.keys()) if (key !== 'baud') throw bad(`unknown option "${key}" (only baud)`);
    const baud = params.get('baud') ?? '9600';
    if (!/^[1-9]\d*$/.test(baud)) throw bad(`baud must be a positive whole number, got "${baud}"`);
    return { kind: 'serial', path: m[1] as string, baudRate: Number(baud) };
  }
  if (scheme === 'printer') {
    // CUPS queue names exclude spaces, "/" and "#"; node-thermal-printer's printer: interface also relies on it.
    const m = /^printer:([^\s/#]+)$/i.exec(uri);
    if (!m) throw bad('expected printer:NAME, a CUPS queue name without spaces, "/" or "#"');
    return { kind: 'system', name: m[1] as string };
  }
  throw bad(`not a printer URI; use ${FORMS}`);
}

export interface TicketPrinterOptions {
  /** Per operation (status or print), not counting the wait behind an earlier one. Default 5000 ms. */
  timeoutMs?: number;
  /** Paper for tickets given as a TicketPrint. Default 80. */
  paperWidth?: PaperWidth;
}

export interface TicketPrinter {
  readonly target: PrinterTarget;
  /** Never rejects for a printer problem: an unreachable printer is 'offline'. */
  status(): Promise<PrinterStatus>;
  /** Rejects with PrinterOfflineError, PaperOutError, PrinterTimeoutError or PrinterError. */
  print(ticket: Uint8Array | TicketPrint): Promise<void>;
}

/**
 * A printer from its URI (see parsePrinterUri; throws PrinterUriError). Operations run one at a time, in order:
 * two jobs never interleave their bytes, and a serial port is never opened twice.
 */
export function openTicketPrinter(uri: string, options: TicketPrinterOptions = {}): TicketPrinter {
  const target = parsePrinterUri(uri);
  const timeoutMs = options.timeoutMs ?? 5000;
  const paperWidth = options.paperWidth ?? 80;

  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };

  const send = (bytes: Uint8Array): Promise<void> => {
    switch (target.kind) {
      case 'tcp':
        return printTicket(bytes, { host: target.host, port: target.port, timeoutMs });
      case 'serial':
        return printSerial(bytes, target, { timeoutMs });
      case 'system':
        return printSystem(bytes, target.name, { timeoutMs });
    }
  };
  const ask = (): Promise<PrinterStatus> => {
    switch (target.kind) {
      case 'tcp':
        return printerStatus({ host: target.host, port: target.port, timeoutMs });
      case 'serial':
        return serialStatus(target, timeoutMs);
      case 'system':
        return systemPrinterStatus(target.name, timeoutMs);
    }
  };

  return {
    target,
    status: () => inTurn(ask),
    print: async (ticket) => {
      const bytes = ticket instanceof Uint8Array ? ticket : encodeTicket(ticketLines(ticket, paperWidth));
      return inTurn(() => send(bytes));
    },
  };
}
