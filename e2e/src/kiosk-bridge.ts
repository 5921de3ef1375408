import type { Page } from 'playwright-core';
import type { IdCardReading, KioskBridge, KioskInfo } from '../../apps/kiosk/src/bridge/kiosk-bridge';
import { createPrintService } from '../../apps/kiosk/src/main/print-service';

export interface KioskShellOptions {
  info: KioskInfo;
  /** The printer URI the kiosk's settings would name, e.g. tcp://127.0.0.1:9100. */
  printer: string;
  paperWidth?: 58 | 80;
  timeoutMs?: number;
  /** What the ID card reader returns next; only used when info.hasIdCardReader. */
  nextIdCard?: () => IdCardReading | null;
}

/**
 * Stands in for the Electron shell: `window.hallq` in the page, backed by the kiosk main process's own print service
 * talking to a real (virtual) printer over TCP. Only the Electron IPC hop is replaced, by a Playwright binding.
 */
export async function installKioskShell(page: Page, options: KioskShellOptions): Promise<void> {
  const printService = createPrintService({
    printer: options.printer,
    paperWidth: options.paperWidth ?? 80,
    timeoutMs: options.timeoutMs ?? 3000,
  });
  const handlers: { [K in keyof KioskBridge]: (...args: Parameters<KioskBridge[K]>) => ReturnType<KioskBridge[K]> } = {
    info: async () => options.info,
    printerStatus: () => printService.printerStatus(),
    printTicket: (job) => printService.printTicket(job),
    readIdCard: async () => (options.info.hasIdCardReader ? (options.nextIdCard?.() ?? null) : null),
  };
  await page.exposeFunction('__hallqShell', (method: keyof KioskBridge, arg: unknown) =>
    (handlers[method] as (a: unknown) => Promise<unknown>)(arg),
  );
  await page.addInitScript(() => {
    const call = (method: string, arg?: unknown) =>
      (window as unknown as { __hallqShell: (m: string, a: unknown) => Promise<never> }).__hallqShell(method, arg);
    window.hallq = {
      info: () => call('info'),
      printerStatus: () => call('printerStatus'),
      printTicket: (job) => call('printTicket', job),
      readIdCard: (timeoutMs) => call('readIdCard', timeoutMs),
    };
  });
}
