import { contextBridge, ipcRenderer } from 'electron';
import { type CounterBridge, PRINT_NOTICE_CHANNEL } from '../bridge/notice-bridge';

// Loaded for the counter panel only. A page cannot print silently to a chosen printer, and the hall wants its notices
// on paper without a print dialog in front of the citizen: this one call asks the shell to. The page gets it and
// nothing of ipcRenderer itself.
contextBridge.exposeInMainWorld('hallqCounter', {
  printNotice: (job) => ipcRenderer.invoke(PRINT_NOTICE_CHANNEL, job),
} satisfies CounterBridge);
