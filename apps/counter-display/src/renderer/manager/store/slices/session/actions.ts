import { ApiError } from '@hallq/shared/client';
import type { StaffRole } from '@hallq/shared/contracts';
import { consoleMessages } from '@hallq/shared/i18n';
import type { ManagerSession } from '../../../services/session-storage';
import type { SliceCreator } from '../../types';
import { type SessionState, initialSessionState } from './state';

export interface SessionActions {
  /** Picks up the session of this browser tab after a reload. */
  restore(): void;
  login(staffId: string, password: string): Promise<void>;
  /** Back to the login form: logged out, or the server no longer accepts the token. */
  endSession(message?: string): void;
}
export type SessionSlice = SessionState & SessionActions;

/** Who the console is for: the manager (the whole hall) and chief representatives (首席代表, their department). */
const CONSOLE_ROLES: readonly StaffRole[] = ['manager', 'chief_representative'];

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, { client, sessions }) => {
  const begin = (session: ManagerSession) => {
    set({ session, loggingIn: false, loginError: null });
    get().startFloor(session.token);
    void get().loadFollowUps();
    void get().loadDirectory();
  };

  return {
    ...initialSessionState,

    restore() {
      const session = sessions.load();
      if (session) begin(session);
    },

    async login(staffId, password) {
      if (get().loggingIn) return;
      set({ loggingIn: true, loginError: null });
      try {
        const { token, expiresAt, staff } = await client.call('login', {
          body: { staffId: staffId.trim(), password },
        });
        // The server refuses everyone else the console's routes; saying so here spares a console of 403s.
        if (!CONSOLE_ROLES.includes(staff.role)) {
          set({ loggingIn: false, loginError: consoleMessages.zh.login.notLead });
          return;
        }
        sessions.save({ token, expiresAt, staff });
        begin({ token, expiresAt, staff });
      } catch (error) {
        const refused = error instanceof ApiError && (error.status === 401 || error.status === 400);
        set({ loggingIn: false, loginError: refused ? '工号或密码不正确' : '无法连接服务器，请稍后再试' });
      }
    },

    endSession(message) {
      sessions.clear();
      get().stopFloor();
      get().clearLockers();
      get().clearOutbox();
      get().clearArchive();
      get().clearScope();
      set({ ...initialSessionState, loginError: message ?? null });
    },
  };
};
