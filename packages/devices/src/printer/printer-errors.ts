export type PrinterStatus = 'ready' | 'offline' | 'paper_out';

export class PrinterError extends Error {
  constructor(
    message: string,
    /** The printer as configured, e.g. "tcp://10.0.0.5:9100". */
    readonly printer: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
/** Nothing answered at the printer's address (refused, unreachable, no device, disabled queue). */
export class PrinterOfflineError extends PrinterError {}
/** The printer was reached but did not finish the job in time. */
export class PrinterTimeoutError extends PrinterError {}
/** The printer reports paper end; nothing was printed. */
export class PaperOutError extends PrinterError {}

/** DLE EOT n: real-time status request (1 = printer, 4 = paper roll sensor). */
export const DLE_EOT = (n: number) => [0x10, 0x04, n];

/** Bits 5 and 6 of the DLE EOT 4 reply: paper roll end. */
export function isPaperEnd(rollStatus: number): boolean {
  return (rollStatus & 0x60) === 0x60;
}

/** A status byte always has bit 4 set and bits 0 and 7 clear. */
export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

/** Reads the replies to DLE EOT 1 and DLE EOT 4, in that order. */
export function statusFromReplies(printer: number, roll: number): PrinterStatus {
  if (!isStatusByte(printer) || !isStatusByte(roll)) return 'offline';
  if (isPaperEnd(roll)) return 'paper_out';
  // Bit 3 of DLE EOT 1: offline (cover open, feeding, error).
  if ((printer & 0x08) !== 0) return 'offline';
  return 'ready';
}
