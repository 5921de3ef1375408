import { ApiError, type HallClient } from '@hallq/shared/client';
import { LoginResponse, type StaffInfo } from '@hallq/shared/contracts';

/** A console's login (the manager console, the guide desk): not at a window, so no window state. */
export type StaffSession = Pick<LoginResponse, 'token' | 'expiresAt' | 'staff'>;

/** The session lives in sessionStorage: it survives a reload but not closing the tab on a shared office PC. */
export interface SessionStorage {
  load(): StaffSession | null;
  save(session: StaffSession): void;
  clear(): void;
}

const StoredSession = LoginResponse.pick({ token: true, expiresAt: true, staff: true });

/**
 * One console's session in the tab's storage, under its own `key`: the manager console and the guide desk may share a
 * browser, and neither must pick up the other's login. A stored session past its expiry reads as none.
 */
export function browserSessionStorage(storage: Storage, now: () => number, key: string): SessionStorage {
  return {
    load() {
      try {
        const parsed = StoredSession.parse(JSON.parse(storage.getItem(key) ?? 'null'));
        return Date.parse(parsed.expiresAt) > now() ? parsed : null;
      } catch {
        return null;
      }
    },
    save: (session) => storage.setItem(key, JSON.stringify(session)),
    clear: () => storage.removeItem(key),
  };
}

/** Why a console login did not go through: wrong id or password, no server, or an account not for this console. */
export type ConsoleLoginProblem = 'refused' | 'network' | 'not_for_console';

/**
 * What a console login came to: in; a one-time password the manager set (the session serves only to choose the
 * person's own, typed in place of `password`); or refused.
 */
export type ConsoleLoginResult =
  { session: StaffSession } | { mustChange: StaffSession; password: string } | { problem: ConsoleLoginProblem };

/**
 * Logs in to a console (no window). `allowed` says whose console it is: the server refuses everyone else the console's
 * routes anyway; saying so at login spares them a screen of refusals (and a password chosen at the wrong console).
 */
export async function consoleLogin(
  client: HallClient,
  staffId: string,
  password: string,
  allowed: (staff: StaffInfo) => boolean | Promise<boolean>,
): Promise<ConsoleLoginResult> {
  try {
    const answer = await client.call('login', { body: { staffId: staffId.trim(), password } });
    const { token, expiresAt, staff } = answer;
    if (await allowed(staff)) {
      const session = { token, expiresAt, staff };
      return answer.mustChangePassword ? { mustChange: session, password } : { session };
    }
    // A session nobody will use is ended now rather than left valid until it expires.
    client.call('logout', { token }).catch(() => undefined);
    return { problem: 'not_for_console' };
  } catch (error) {
    const refused = error instanceof ApiError && (error.status === 401 || error.status === 400);
    return { problem: refused ? 'refused' : 'network' };
  }
}
