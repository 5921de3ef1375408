import { LoginResponse } from '@hallq/shared/contracts';

export type ManagerSession = Pick<LoginResponse, 'token' | 'expiresAt' | 'staff'>;

const KEY = 'hallq.manager.session';

/** The session lives in sessionStorage: it survives a reload but not closing the tab on a shared office PC. */
export interface SessionStorage {
  load(): ManagerSession | null;
  save(session: ManagerSession): void;
  clear(): void;
}

export function browserSessionStorage(storage: Storage, now: () => number): SessionStorage {
  return {
    load() {
      try {
        const parsed = LoginResponse.pick({ token: true, expiresAt: true, staff: true }).parse(
          JSON.parse(storage.getItem(KEY) ?? 'null'),
        );
        return Date.parse(parsed.expiresAt) > now() ? parsed : null;
      } catch {
        return null;
      }
    },
    save: (session) => storage.setItem(KEY, JSON.stringify(session)),
    clear: () => storage.removeItem(KEY),
  };
}
