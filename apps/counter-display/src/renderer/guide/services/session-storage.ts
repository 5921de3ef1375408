import { LoginResponse } from '@hallq/shared/contracts';

export type GuideSession = Pick<LoginResponse, 'token' | 'expiresAt' | 'staff'>;

// A key of its own: the manager console keeps its session in the same tab storage, and neither must pick up the other.
const KEY = 'hallq.guide.session';

/** The session lives in sessionStorage, as the manager console's: it survives a reload, not closing the tab. */
export interface SessionStorage {
  load(): GuideSession | null;
  save(session: GuideSession): void;
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
