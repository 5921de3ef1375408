import { createConnector, isPageUp } from './connection';
import { connectingPageUrl } from './local-pages';

/** Chromium's "the load was replaced by another": not a failure. */
const ERR_ABORTED = -3;

/** What a shell's window offers, adapted from Electron's webContents in main.ts (kept here so it can be tested). */
export interface PageContents {
  loadURL(url: string): Promise<void>;
  onFailLoad(listener: (errorCode: number, url: string, isMainFrame: boolean) => void): void;
  onNavigate(listener: (url: string, httpResponseCode: number) => void): void;
  onGone(listener: () => void): void;
}

export interface KeepPageLoadedOptions {
  home: string;
  /** Whether a URL is one of this shell's own pages (a failure elsewhere is not ours to recover). */
  allowed(url: string): boolean;
  isServerUp?: () => Promise<boolean>;
  wait?: (ms: number) => Promise<void>;
}

/**
 * Loads the shell's page and keeps it loaded: while the server cannot be reached, or answers an error, or the page's
 * renderer dies, the window shows the local "connecting" page and tries again. Returns the first load.
 */
export function keepPageLoaded(contents: PageContents, options: KeepPageLoadedOptions): Promise<void> {
  const { home, allowed } = options;
  let lastHttpStatus = 0;
  const connector = createConnector({
    isServerUp: options.isServerUp ?? (() => isPageUp(home)),
    // loadURL resolves for an error page too; the server answering 5xx is not the page loaded.
    loadPage: async () => {
      await contents.loadURL(home);
      if (lastHttpStatus >= 400) throw new Error(`HTTP ${lastHttpStatus}`);
    },
    showConnecting: () => contents.loadURL(connectingPageUrl()),
    wait: options.wait ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });
  const reconnect = () => void connector.connect();

  // The page failed to load later on (its own reload while the server was down, a 5xx): back to connecting.
  contents.onFailLoad((errorCode, url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED && allowed(url)) reconnect();
  });
  contents.onNavigate((url, httpResponseCode) => {
    lastHttpStatus = httpResponseCode;
    if (httpResponseCode >= 400 && allowed(url)) reconnect();
  });
  contents.onGone(reconnect);
  return connector.connect();
}
