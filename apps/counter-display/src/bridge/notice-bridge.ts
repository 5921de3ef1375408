/**
 * The one call the counter shell's preload gives the counter panel: print the notice the page shows now. Type-only
 * but for the channel name, and free of Node imports: the preload implements it, the main process answers it, the
 * panel calls it when present and prints through the browser (`window.print()`) when not.
 */

import type { NoticeKind } from '@hallq/shared/domain';

/** What names the printed notice's saved copy: nothing personal, only the ticket's day, number and the kind. */
export interface NoticePrintJob {
  /** The ticket's hall day, YYYY-MM-DD. */
  ticketDay: string;
  /** A001. */
  ticketNumber: string;
  kind: NoticeKind;
}

export type NoticePrintResult = { ok: true } | { ok: false; message: string };

export interface CounterBridge {
  /** Prints the page as it is (its print styles show only the notice) to the shell's printer, without a dialog. */
  printNotice(job: NoticePrintJob): Promise<NoticePrintResult>;
}

/** The IPC channel the preload invokes and the main process handles. */
export const PRINT_NOTICE_CHANNEL = 'hallq:print-notice';

declare global {
  interface Window {
    /** Present only inside the counter shell; a plain browser has none. */
    hallqCounter?: CounterBridge;
  }
}
