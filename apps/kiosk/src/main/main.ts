/**
 * The kiosk's Electron shell: one full-screen kiosk window on the queue server's /kiosk/ page, and the bridge
 * (`window.hallq`) to the printer, the card reader and, in a pickup locker, the lock boards; on the kiosk whose PC has
 * the hall's 短信猫, the notice agent. Only Electron glue lives here; the logic is in the plain modules beside it
 * (`shell.ts` offers them to the e2e harness) and, for the lock boards and the modem, in the agents of @hallq/devices,
 * all of which run without Electron.
 *
 * Run: `pnpm --filter @hallq/kiosk start:electron -- --settings /path/to/kiosk.json` (or set HALLQ_KIOSK_SETTINGS).
 * The script bundles the sandboxed preload (src/main/preload.vite.config.ts), then starts Electron on this file with
 * tsx as its loader. A serial printer needs serialport rebuilt for Electron's Node ABI (`npx electron-rebuild`).
 */
import { app, BrowserWindow, ipcMain, Menu, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { keepLockerService, startNoticeAgent, type LockerService, type NoticeAgent } from '@hallq/devices';
import { keepPageLoaded, outOfServicePageUrl } from '@hallq/shell';
import { createBridgeHandlers, type BridgeHandlers } from './bridge-handlers';
import { BRIDGE_CHANNELS } from './channels';
import { createIdCardReader, type IdCardReader } from './id-card-reader';
import { isKioskUrl, kioskHomeUrl } from './navigation-policy';
import { createPrintService } from './print-service';
import { loadKioskSettings, type KioskSettings } from './settings';
import { PRELOAD_DIR, PRELOAD_FILE } from './shell-paths';

type Shell =
  | {
      settings: KioskSettings;
      handlers: BridgeHandlers;
      idCardReader: IdCardReader;
      locker: LockerService | null;
      notices: NoticeAgent | null;
    }
  | { error: string };

function startShell(): Shell {
  try {
    const settings = loadKioskSettings(process.argv.slice(1), process.env);
    let printService;
    try {
      printService = createPrintService({ printer: settings.printer, paperWidth: settings.paperWidth });
    } catch (error) {
      throw new Error(`printer: ${error instanceof Error ? error.message : String(error)}`);
    }
    const idCardReader = createIdCardReader(settings);
    // A kiosk inside a pickup locker owns its RS-485 line; the renderer only asks through the bridge.
    const locker = settings.locker
      ? keepLockerService({
          serverUrl: settings.serverUrl,
          locker: settings.locker,
          // Survives a restart of the PC: a command cut off mid-pulse is finished, never pulsed twice.
          journalPath: join(app.getPath('userData'), 'locker-doors.jsonl'),
        })
      : null;
    // The kiosk the hall file names in notices.kiosk sends the hall's notices through its modem.
    const notices = settings.smsModem
      ? startNoticeAgent({ serverUrl: settings.serverUrl, deviceKey: settings.deviceKey, modem: settings.smsModem })
      : null;
    return {
      settings,
      idCardReader,
      locker,
      notices,
      handlers: createBridgeHandlers({ settings, printService, idCardReader, locker }),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Every web contents, the window's and any other: nothing leaves the kiosk's pages, nothing opens a window. */
function lockDown(contents: WebContents, serverUrl: string | null): void {
  const allowed = (url: string) => serverUrl !== null && isKioskUrl(url, serverUrl);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const shell = startShell();
  const serverUrl = 'settings' in shell ? shell.settings.serverUrl : null;
  app.on('web-contents-created', (_event, contents) => lockDown(contents, serverUrl));
  await app.whenReady();

  Menu.setApplicationMenu(null);
  // The kiosk needs no camera, microphone, location, notifications or devices: refuse every request and check.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const window = new BrowserWindow({
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#f3f6fa',
    webPreferences: {
      preload: join(PRELOAD_DIR, PRELOAD_FILE),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });

  if ('error' in shell) {
    console.error(`HallQ kiosk cannot start:\n${shell.error}`);
    await window.loadURL(outOfServicePageUrl(shell.error));
    return;
  }

  const { settings, handlers, idCardReader, locker, notices } = shell;
  app.on('will-quit', () => void idCardReader.close());
  if (locker) app.on('will-quit', () => void locker.stop());
  if (notices) app.on('will-quit', () => void notices.stop());
  for (const [method, channel] of Object.entries(BRIDGE_CHANNELS) as [keyof BridgeHandlers, string][]) {
    ipcMain.handle(channel, (event, arg: unknown) => handlers[method](event.senderFrame?.url, arg));
  }

  const home = kioskHomeUrl(settings.serverUrl);
  const contents = window.webContents;
  // Electron turns pinch-zoom off by default; the kiosk allows up to 3× unless the hall's setting turns it off.
  void contents.setVisualZoomLevelLimits(1, settings.pinchZoom ? 3 : 1);
  keepPageLoaded(
    {
      loadURL: (url) => contents.loadURL(url),
      onFailLoad: (listener) =>
        contents.on('did-fail-load', (_event, errorCode, _description, url, isMainFrame) =>
          listener(errorCode, url, isMainFrame),
        ),
      onNavigate: (listener) => contents.on('did-navigate', (_event, url, code) => listener(url, code)),
      onGone: (listener) => contents.on('render-process-gone', listener),
    },
    { home, allowed: (url) => isKioskUrl(url, settings.serverUrl) },
  ).catch(() => undefined);
}

void main();
