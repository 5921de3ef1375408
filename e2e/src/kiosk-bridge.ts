import { startLockerService, type LockerService } from '@hallq/devices';
import {
  createBridgeHandlers,
  createIdCardReader,
  createPrintService,
  parseKioskSettings,
  type KioskBridge,
} from '@hallq/kiosk/shell';
import type { Page } from 'playwright-core';

export interface KioskShellOptions {
  serverUrl: string;
  /** The printer URI of the kiosk's settings, e.g. tcp://127.0.0.1:9100. */
  printer: string;
  paperWidth?: 58 | 80;
  timeoutMs?: number;
  /**
   * A card reader fitted to the kiosk: the serial line of a (simulated) reader, driven by the kiosk's own reader module,
   * which fetches the hall's ID-number key from the server with the kiosk's key.
   */
  idCardReaderPath?: string;
  /** A kiosk inside a pickup locker: its lock boards' serial line (the demo locker's key, demo-locker). */
  lockerSerialPath?: string;
}

export interface KioskShell {
  /** Stops what the shell started (the locker service and its serial line, the card reader's port). */
  stop(): Promise<void>;
}

/**
 * Stands in for the Electron shell: `window.hallq` in the page is served by the kiosk main process's own bridge
 * handlers (sender check, argument validation) and print service, talking to a real (virtual) printer over TCP. Only
 * the Electron IPC hop is replaced, by a Playwright binding.
 */
export async function installKioskShell(page: Page, options: KioskShellOptions): Promise<KioskShell> {
  const settings = parseKioskSettings({
    serverUrl: options.serverUrl,
    kioskId: 'kiosk-1',
    deviceKey: 'demo-kiosk',
    printer: options.printer,
    paperWidth: options.paperWidth ?? 80,
    idCardReader: options.idCardReaderPath === undefined ? 'none' : { path: options.idCardReaderPath },
    ...(options.lockerSerialPath !== undefined && {
      locker: { deviceKey: 'demo-locker', serialPath: options.lockerSerialPath },
    }),
  });
  const locker: LockerService | null = settings.locker
    ? await startLockerService({ serverUrl: settings.serverUrl, locker: settings.locker, pollMs: 100, log: () => {} })
    : null;
  const idCardReader = createIdCardReader(settings);
  const handlers = createBridgeHandlers({
    settings,
    printService: createPrintService({ ...settings, timeoutMs: options.timeoutMs ?? 3000 }),
    idCardReader,
    locker,
  });
  await page.exposeBinding('__hallqShell', ({ frame }, method: keyof KioskBridge, arg: unknown) =>
    (handlers[method] as (senderUrl: string, a: unknown) => Promise<unknown>)(frame.url(), arg),
  );
  // A string, not a function: tsx would compile a function with helpers (`__name`) the page does not have.
  await page.addInitScript(`
    const call = (method, arg) => window.__hallqShell(method, arg);
    window.hallq = {
      info: () => call('info'),
      printerStatus: () => call('printerStatus'),
      printTicket: (job) => call('printTicket', job),
      readIdCard: (timeoutMs) => call('readIdCard', timeoutMs),
      collectPickup: (code) => call('collectPickup', code),
      doorStage: (commandId, after, waitMs) => call('doorStage', { commandId, after, waitMs }),
    };
  `);
  return {
    stop: async () => {
      await Promise.all([locker?.stop(), idCardReader.close()]);
    },
  };
}
