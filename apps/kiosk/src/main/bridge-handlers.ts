import type { LockerService } from '@hallq/devices';
import type { KioskBridge } from '../bridge/kiosk-bridge';
import type { IdCardReader } from './id-card-reader';
import {
  BridgeInputError,
  parseDoorStageQuery,
  parseIdCardTimeout,
  parsePickupCode,
  parseTicketPrintJob,
} from './ipc-validation';
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
  /** The lock boards of the pickup locker this kiosk is wired to, or null. */
  locker: LockerService | null;
}

/**
 * The main-process side of `window.hallq`. Only the kiosk's own pages may call it (the device key and the printer are
 * not for any page that got into the window), and every argument is validated before use.
 */
export function createBridgeHandlers({ settings, printService, idCardReader, locker }: BridgeDeps): BridgeHandlers {
  const fromKiosk = (senderUrl: string | undefined) => {
    if (!isKioskUrl(senderUrl, settings.serverUrl)) {
      throw new BridgeInputError(`refused: ${senderUrl ?? 'an unknown frame'} is not a kiosk page`);
    }
  };
  const wiredLocker = () => {
    if (!locker) throw new BridgeInputError('refused: this kiosk is not wired to a pickup locker');
    return locker;
  };
  return {
    info: async (senderUrl) => {
      fromKiosk(senderUrl);
      return {
        kioskId: settings.kioskId,
        deviceKey: settings.deviceKey,
        hasIdCardReader: idCardReader.fitted,
        hasLocker: locker !== null,
      };
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
    collectPickup: async (senderUrl, arg) => {
      fromKiosk(senderUrl);
      const code = parsePickupCode(arg);
      return wiredLocker().collect(code);
    },
    doorStage: async (senderUrl, arg) => {
      fromKiosk(senderUrl);
      const { commandId, after, waitMs } = parseDoorStageQuery(arg);
      return wiredLocker().doorStage(commandId, after, waitMs);
    },
  };
}
