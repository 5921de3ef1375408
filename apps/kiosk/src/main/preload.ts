import { contextBridge, ipcRenderer } from 'electron';
import type { KioskBridge } from '../bridge/kiosk-bridge';
import { BRIDGE_CHANNELS } from './channels';

// The page gets these calls and nothing of ipcRenderer itself.
contextBridge.exposeInMainWorld('hallq', {
  info: () => ipcRenderer.invoke(BRIDGE_CHANNELS.info),
  printerStatus: () => ipcRenderer.invoke(BRIDGE_CHANNELS.printerStatus),
  printTicket: (job) => ipcRenderer.invoke(BRIDGE_CHANNELS.printTicket, job),
  readIdCard: (timeoutMs) => ipcRenderer.invoke(BRIDGE_CHANNELS.readIdCard, timeoutMs),
  collectPickup: (code) => ipcRenderer.invoke(BRIDGE_CHANNELS.collectPickup, code),
  doorStage: (commandId, after, waitMs) => ipcRenderer.invoke(BRIDGE_CHANNELS.doorStage, { commandId, after, waitMs }),
} satisfies KioskBridge);
