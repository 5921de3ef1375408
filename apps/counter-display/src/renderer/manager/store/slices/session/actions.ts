import type { StaffRole } from '@hallq/shared/contracts';
import { consoleMessages } from '@hallq/shared/i18n';
import { type ConsoleLoginProblem, consoleLogin, type StaffSession } from '../../../../common/staff-session';
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

const LOGIN_PROBLEM: Record<ConsoleLoginProblem, string> = {
  refused: '工号或密码不正确',
  network: '无法连接服务器，请稍后再试',
  not_for_console: consoleMessages.zh.login.notLead,
};

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, { client, sessions }) => {
  const begin = (session: StaffSession) => {
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
      const result = await consoleLogin(client, staffId, password, (staff) => CONSOLE_ROLES.includes(staff.role));
      if ('problem' in result) {
        set({ loggingIn: false, loginError: LOGIN_PROBLEM[result.problem] });
        return;
      }
      sessions.save(result.session);
      begin(result.session);
    },

    endSession(message) {
      sessions.clear();
      get().stopFloor();
      get().clearLockers();
      get().clearOutbox();
      get().clearArchive();
      get().clearBulletin();
      get().clearStatistics();
      get().clearScope();
      set({ ...initialSessionState, loginError: message ?? null });
    },
  };
};
