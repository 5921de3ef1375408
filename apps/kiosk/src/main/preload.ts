import { contextBridge, ipcRenderer } from 'electron';
import type { KioskBridge } from '../bridge/kiosk-bridge';
import { BRIDGE_CHANNELS } from './channels';

// The page gets these four calls and nothing of ipcRenderer itself.
contextBridge.exposeInMainWorld('hallq', {
  info: () => ipcRenderer.invoke(BRIDGE_CHANNELS.info),
  printerStatus: () => ipcRenderer.invoke(BRIDGE_CHANNELS.printerStatus),
  printTicket: (job) => ipcRenderer.invoke(BRIDGE_CHANNELS.printTicket, job),
  readIdCard: (timeoutMs) => ipcRenderer.invoke(BRIDGE_CHANNELS.readIdCard, timeoutMs),
} satisfies KioskBridge);
