/**
 * The kiosk's ticket printing, behind the bridge's printerStatus() and printTicket(). Plain Node (no Electron), so the
 * Electron main process and the e2e harness run the same code. Failures come back as values the renderer can turn
 * into a plain sentence for the citizen; nothing here rejects.
 */
import {
  openTicketPrinter,
  PaperOutError,
  PrinterOfflineError,
  PrinterTimeoutError,
  type TicketPrint,
} from '@hallq/devices';
import type { PrinterState, PrintResult, TicketPrintJob } from '../bridge/kiosk-bridge';

export interface PrintServiceOptions {
  /** The kiosk's printer URI (tcp://host:9100, serial:/dev/ttyUSB0?baud=9600, printer:NAME), or '' when none is fitted. */
  printer: string;
  paperWidth: 58 | 80;
  /** Per status check or print job. Default 5000 ms. */
  timeoutMs?: number;
}

export interface PrintService {
  printerStatus(): Promise<PrinterState>;
  printTicket(job: TicketPrintJob): Promise<PrintResult>;
}

const noPrinter: PrintService = {
  printerStatus: async () => 'not_configured',
  printTicket: async () => ({
    ok: false,
    reason: 'offline',
    message: 'no ticket printer is configured for this kiosk',
  }),
};

/**
 * Throws PrinterUriError for a malformed printer URI, so a wrong setting shows at start rather than at a citizen's
 * touch. Jobs go to the printer one at a time, in the order given.
 */
export function createPrintService(options: PrintServiceOptions): PrintService {
  if (options.printer.trim() === '') return noPrinter;
  const printer = openTicketPrinter(options.printer.trim(), {
    timeoutMs: options.timeoutMs ?? 5000,
    paperWidth: options.paperWidth,
  });
  return {
    async printerStatus() {
      try {
        return await printer.status();
      } catch {
        return 'offline';
      }
    },
    async printTicket(job) {
      try {
        await printer.print(toTicketPrint(job));
        return { ok: true };
      } catch (err) {
        return failure(err);
      }
    },
  };
}

/** The bridge's JSON job as the layout wants it; fields are copied one by one so nothing else rides along. */
function toTicketPrint(job: TicketPrintJob): TicketPrint {
  const issuedAt = new Date(job.issuedAt);
  if (Number.isNaN(issuedAt.getTime())) throw new RangeError(`issuedAt is not an ISO 8601 instant: "${job.issuedAt}"`);
  return {
    hallName: job.hallName,
    windowTypeName: job.windowTypeName,
    serviceItemName: job.serviceItemName,
    number: job.number,
    peopleAhead: job.peopleAhead,
    estimatedWaitMinutes: job.estimatedWaitMinutes,
    windows: job.windows,
    issuedAt,
    timeZone: job.timeZone,
    statusUrl: job.statusUrl,
    materials: job.materials,
    inCitizenLanguage: job.inCitizenLanguage
      ? { windowTypeName: job.inCitizenLanguage.windowTypeName, validToday: job.inCitizenLanguage.validToday }
      : null,
  };
}

function failure(err: unknown): PrintResult {
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof PaperOutError) return { ok: false, reason: 'paper_out', message };
  if (err instanceof PrinterTimeoutError) return { ok: false, reason: 'timeout', message };
  if (err instanceof PrinterOfflineError) return { ok: false, reason: 'offline', message };
  return { ok: false, reason: 'error', message };
}
