import type { KioskBridge } from '../bridge/kiosk-bridge';
import type { IdCardReader } from './id-card-reader';
import { BridgeInputError, parseIdCardTimeout, parseTicketPrintJob } from './ipc-validation';
import { isKioskUrl } from './navigation-policy';
import type { PrintService } from './print-service';
import type { KioskSettings } from './settings';

/** One handler per bridge method: the URL of the frame that called it, and its argument as it came over IPC. */
export type BridgeHandlers = {
  [K in keyof KioskBridge]: (senderUrl: string | undefined, arg: unknown) => ReturnType<KioskBridge[K]>;
};

export interface BridgeDeps {
  settings: KioskSettings;
  printService: PrintService;
  idCardReader: IdCardReader;
}

/**
 * The main-process side of `window.hallq`. Only the kiosk's own pages may call it (the device key and the printer are
 * not for any page that got into the window), and every argument is validated before use.
 */
export function createBridgeHandlers({ settings, printService, idCardReader }: BridgeDeps): BridgeHandlers {
  const fromKiosk = (senderUrl: string | undefined) => {
    if (!isKioskUrl(senderUrl, settings.serverUrl)) {
      throw new BridgeInputError(`refused: ${senderUrl ?? 'an unknown frame'} is not a kiosk page`);
    }
  };
  return {
    info: async (senderUrl) => {
      fromKiosk(senderUrl);
      return { kioskId: settings.kioskId, deviceKey: settings.deviceKey, hasIdCardReader: idCardReader.fitted };
    },
    printerStatus: async (senderUrl) => {
      fromKiosk(senderUrl);
      return printService.printerStatus();
    },
    printTicket: async (senderUrl, arg) => {
      fromKiosk(senderUrl);
      return printService.printTicket(parseTicketPrintJob(arg));
    },
    readIdCard: async (senderUrl, arg) => {
      fromKiosk(senderUrl);
      return idCardReader.read(parseIdCardTimeout(arg));
    },
  };
}
