import { LoginResponse } from '@hallq/shared/contracts';
import { WindowState } from '@hallq/shared/domain';

/** What survives a reload of the page: the clerk stays logged in at the window until the token expires. */
export const StoredSession = LoginResponse.pick({ token: true, expiresAt: true, staff: true }).extend({
  window: WindowState.shape.number,
});
export type StoredSession = ReturnType<typeof StoredSession.parse>;

export interface CounterStorage {
  /** The window this PC stands at, remembered across logins. */
  loadWindow(): number | null;
  saveWindow(window: number): void;
  loadSession(): StoredSession | null;
  saveSession(session: StoredSession | null): void;
}

const WINDOW_KEY = 'hallq.counter.window';
const SESSION_KEY = 'hallq.counter.session';

/**
 * The window number in localStorage (it belongs to the PC); the session in sessionStorage, so it ends with the
 * browser rather than lingering for the next person at the PC.
 */
export function createStorage(local: Storage, session: Storage): CounterStorage {
  return {
    loadWindow() {
      const n = Number(local.getItem(WINDOW_KEY));
      return Number.isInteger(n) && n > 0 ? n : null;
    },
    saveWindow(window) {
      local.setItem(WINDOW_KEY, String(window));
    },
    loadSession() {
      try {
        const parsed = StoredSession.safeParse(JSON.parse(session.getItem(SESSION_KEY) ?? 'null'));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    saveSession(value) {
      if (value === null) session.removeItem(SESSION_KEY);
      else session.setItem(SESSION_KEY, JSON.stringify(value));
    },
  };
}

/** `?window=3` in the page address. */
export function windowFromQuery(search: string): number | null {
  const n = Number(new URLSearchParams(search).get('window'));
  return Number.isInteger(n) && n > 0 ? n : null;
}
