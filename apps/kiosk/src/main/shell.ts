/**
 * What the kiosk's shell offers outside the kiosk (`@hallq/kiosk/shell`): the plain modules behind `window.hallq`,
 * which the e2e scenarios run in place of the Electron shell, so that only the IPC hop differs. Nothing here loads
 * Electron.
 */
export type { IdCardRead, KioskBridge } from '../bridge/kiosk-bridge';
export { createBridgeHandlers } from './bridge-handlers';
export { createIdCardReader, type IdCardReader } from './id-card-reader';
export { createPrintService } from './print-service';
export { parseKioskSettings } from './settings';
