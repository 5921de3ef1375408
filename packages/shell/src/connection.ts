/**
 * Keeps a shell's page loaded. While the queue server cannot be reached the window shows the local "connecting"
 * page and tries again, so nobody in the hall sees a browser error page; once the server answers, the page loads.
 */
export interface ConnectionDeps {
  /** Whether the page answers 2xx now. */
  isServerUp(): Promise<boolean>;
  /** Loads the page; rejects when the load failed. */
  loadPage(): Promise<void>;
  showConnecting(): Promise<void>;
  wait(ms: number): Promise<void>;
}

/** Quick at first (a server restarting), then every 10 s: a hall's LAN switch can take a minute to come back. */
export const RETRY_DELAYS_MS = [1000, 2000, 5000, 10_000];

/** `connect()` returns the run already under way, so the failure events arriving together start only one. */
export function createConnector(deps: ConnectionDeps, delaysMs: readonly number[] = RETRY_DELAYS_MS) {
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    let showing = false;
    for (let attempt = 0; ; attempt++) {
      if (await deps.isServerUp()) {
        try {
          await deps.loadPage();
          return;
        } catch {
          // The server went away between the check and the load: keep trying.
        }
      }
      if (!showing) {
        await deps.showConnecting();
        showing = true;
      }
      await deps.wait(delaysMs[Math.min(attempt, delaysMs.length - 1)] ?? 10_000);
    }
  }

  return {
    connect(): Promise<void> {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
  };
}

/** A GET of the page with a timeout; any failure counts as down. */
export async function isPageUp(url: string, fetchImpl: typeof fetch = fetch, timeoutMs = 3000): Promise<boolean> {
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}
