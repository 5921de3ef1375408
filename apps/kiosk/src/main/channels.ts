import type { KioskBridge } from '../bridge/kiosk-bridge';

/** The IPC channel of each bridge method; the preload invokes them, the main process handles them. */
export const BRIDGE_CHANNELS = {
  info: 'hallq:info',
  printerStatus: 'hallq:printer-status',
  printTicket: 'hallq:print-ticket',
  readIdCard: 'hallq:read-id-card',
  collectPickup: 'hallq:collect-pickup',
  doorStage: 'hallq:door-stage',
} as const satisfies Record<keyof KioskBridge, string>;
