import type { CounterBridge, NoticePrintJob } from '../../../bridge/notice-bridge';

/** The page's window as the printer uses it: a browser's has `print`, the counter shell's also the bridge. */
export interface PrintHost {
  print(): void;
  hallqCounter?: CounterBridge;
}

/**
 * How the panel prints a notice: in the counter shell through its bridge (silently, to the configured printer, with
 * a PDF copy kept), in a plain browser through its print dialog. Either way the page prints as it is, and its print
 * styles show nothing but the offered notice. Rejects with the shell's words when the shell could not print.
 */
export function createNoticePrinter(host: PrintHost): (job: NoticePrintJob) => Promise<void> {
  return async (job) => {
    const bridge = host.hallqCounter;
    if (!bridge) {
      host.print();
      return;
    }
    const result = await bridge.printNotice(job);
    if (!result.ok) throw new Error(result.message);
  };
}
