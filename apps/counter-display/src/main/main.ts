/**
 * The counter and display Electron shell: one window on one of the queue server's pages (/counter/, /display/,
 * /window/, /rating/ or /manager/), chosen by a settings file. Only Electron glue lives here; the logic is in the
 * plain modules beside it and in @hallq/shell, tested without Electron.
 *
 * Run: `pnpm --filter @hallq/counter-display start:electron -- --settings /path/to/screen.json` (or set
 * HALLQ_SCREEN_SETTINGS). One process per settings file, each with its own profile, so one PC can drive its window's
 * counter panel, window screen and rating pad side by side.
 *
 * The pages are ordinary web pages that talk to the queue server over HTTP and socket.io, exactly as in a browser,
 * and need nothing from the machine; a bridge would only widen what a page could reach. One exception: the counter
 * panel prints its written notices, and only the shell can print without a dialog to the configured printer, so the
 * counter page alone gets a preload with that one call (`printNotice`, src/bridge/notice-bridge.ts). The script
 * bundles it first (src/main/preload.vite.config.ts).
 */
import { isAllowedUrl, keepPageLoaded, outOfServicePageUrl, settingsPath } from '@hallq/shell';
import { app, BrowserWindow, ipcMain, Menu, session, type WebContents } from 'electron';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PRINT_NOTICE_CHANNEL } from '../bridge/notice-bridge';
import { isKioskScreen, pagePath, pageUrl } from './page-url';
import { type CounterSettings, NOTICE_PDF_OPTIONS, printNoticeJob } from './print-notice';
import { loadScreenSettings, profileName, SETTINGS_ENV_VAR, type ScreenSettings } from './settings';
import { PRELOAD_DIR, PRELOAD_FILE } from './shell-paths';

function loadShell(): { settings: ScreenSettings } | { error: string } {
  try {
    return { settings: loadScreenSettings(process.argv.slice(1), process.env) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** Every web contents, the window's and any other: nothing leaves the page's folder, nothing opens a window. */
function lockDown(contents: WebContents, allowed: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The counter page's one bridge call: print the page (its print styles show only the notice) and keep a PDF. */
function handleNoticePrints(settings: CounterSettings, allowed: (url: string | undefined) => boolean): void {
  ipcMain.handle(PRINT_NOTICE_CHANNEL, async (event, job: unknown) => {
    if (!allowed(event.senderFrame?.url)) return { ok: false, message: 'not the counter page' };
    const contents = event.sender;
    return printNoticeJob(job, settings, {
      printToPdf: () => contents.printToPDF(NOTICE_PDF_OPTIONS),
      print: (options) =>
        new Promise<void>((resolve, reject) =>
          contents.print(options, (printed, reason) => (printed ? resolve() : reject(new Error(reason)))),
        ),
      makeDir: async (path) => void (await mkdir(path, { recursive: true })),
      writeFile: (path, data) => writeFile(path, data),
    });
  });
}

/** Before the app is ready: a profile per settings file, and one process per profile. */
function claimProfile(): boolean {
  let file: string;
  try {
    file = settingsPath(process.argv.slice(1), process.env, SETTINGS_ENV_VAR);
  } catch {
    // No settings file named: the default profile, which only ever shows the out-of-service page.
    return app.requestSingleInstanceLock();
  }
  app.setPath('userData', join(app.getPath('userData'), 'screens', profileName(file)));
  return app.requestSingleInstanceLock();
}

async function main(): Promise<void> {
  if (!claimProfile()) {
    app.quit();
    return;
  }
  const shell = loadShell();
  const settings = 'settings' in shell ? shell.settings : null;
  const allowed = (url: string | undefined) =>
    settings !== null && isAllowedUrl(url, settings.serverUrl, [pagePath(settings.page)]);
  app.on('web-contents-created', (_event, contents) => lockDown(contents, allowed));
  await app.whenReady();

  Menu.setApplicationMenu(null);
  // The pages need no camera, microphone, location, notifications or devices: refuse every request and check.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  // A settings error shows full screen too: the installer is at an unattended screen more often than not.
  const kiosk = settings === null || isKioskScreen(settings.page);
  const window = new BrowserWindow({
    kiosk,
    fullscreen: kiosk,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f3f6fa',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      ...(settings?.page === 'counter' && { preload: join(PRELOAD_DIR, PRELOAD_FILE) }),
      // The hall display calls tickets aloud with nobody there to tap the screen first.
      ...(settings?.page === 'display' && { autoplayPolicy: 'no-user-gesture-required' as const }),
    },
  });
  // The counter panel and the manager are applications on a clerk's PC: a normal window, filling the screen.
  if (!kiosk) window.maximize();
  window.show();

  const contents = window.webContents;
  if (settings === null) {
    const error = 'error' in shell ? shell.error : '';
    console.error(`HallQ screen cannot start:\n${error}`);
    await contents.loadURL(outOfServicePageUrl(error));
    return;
  }

  if (settings.page === 'counter') handleNoticePrints(settings, allowed);
  const home = pageUrl(settings);
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
    { home, allowed: allowed },
  ).catch(() => undefined);
}

void main();
