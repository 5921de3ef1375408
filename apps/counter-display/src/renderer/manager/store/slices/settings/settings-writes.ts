import { ApiError } from '@hallq/shared/client';
import { canonicalJson } from '@hallq/shared/domain';
import type { ManagerServices, ManagerStore } from '../../types';

/** What every write of the settings tab shares: the session's token, its end on a 401, and its request ids. */
export interface SettingsWrites {
  token(): string | null;
  /** A 401: the session ends (true); anything else is the caller's to show. */
  expired(error: unknown): boolean;
  /**
   * The requestId of a write: a write whose answer never came may have been applied, so sent again unchanged it keeps
   * its requestId and the server answers it once.
   */
  requestIdFor(what: unknown): string;
  /** The server answered (yes or no): the next write is a new request. */
  answered(): void;
}

export function settingsWrites(
  get: ManagerStore['getState'],
  newRequestId: ManagerServices['newRequestId'],
): SettingsWrites {
  let unanswered: { key: string; requestId: string } | null = null;
  return {
    token: () => get().session?.token ?? null,
    expired(error) {
      if (!(error instanceof ApiError && error.status === 401)) return false;
      get().endSession('登录已过期，请重新登录');
      return true;
    },
    requestIdFor(what) {
      const key = canonicalJson(what);
      if (unanswered?.key !== key) unanswered = { key, requestId: newRequestId() };
      return unanswered.requestId;
    },
    answered() {
      unanswered = null;
    },
  };
}
