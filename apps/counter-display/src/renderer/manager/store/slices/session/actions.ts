import type { StaffRole } from '@hallq/shared/contracts';
import { consoleMessages } from '@hallq/shared/i18n';
import {
  changeOwnPassword,
  type OwnPasswordEntry,
  type OwnPasswordResult,
  passwordChoiceSteps,
} from '../../../../common/own-password';
import { type ConsoleLoginProblem, consoleLogin, type StaffSession } from '../../../../common/staff-session';
import type { SliceCreator } from '../../types';
import { type SessionState, initialSessionState } from './state';

export interface SessionActions {
  /** Picks up the session of this browser tab after a reload. */
  restore(): void;
  login(staffId: string, password: string): Promise<void>;
  /** After a login with a one-time password: the person's own password, then into the console with the same token. */
  chooseOwnPassword(next: string, repeat: string): Promise<void>;
  /** Leaves the "choose your password" form for the login form. */
  cancelPasswordChoice(): void;
  /** 修改密码 while logged in: the session goes on. */
  changeOwnPassword(entry: OwnPasswordEntry): Promise<OwnPasswordResult>;
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
  const choice = passwordChoiceSteps<StaffSession>(
    client,
    () => get().passwordChoice,
    (passwordChoice) => set({ passwordChoice }),
  );

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
      if ('mustChange' in result) {
        const passwordChoice = { session: result.mustChange, oneTime: result.password, sending: false, problem: null };
        set({ loggingIn: false, passwordChoice });
        return;
      }
      sessions.save(result.session);
      begin(result.session);
    },

    async chooseOwnPassword(next, repeat) {
      const session = await choice.choose(next, repeat);
      if (!session) return;
      sessions.save(session);
      begin(session);
    },

    cancelPasswordChoice: choice.cancel,

    changeOwnPassword: (entry) => changeOwnPassword(client, get().session?.token ?? null, entry),

    endSession(message) {
      sessions.clear();
      get().stopFloor();
      get().clearLockers();
      get().clearOutbox();
      get().clearArchive();
      get().clearBulletin();
      get().clearStatistics();
      get().clearScope();
      // A draft or a one-time secret on screen must not outlive the session that made it.
      get().closeSettings();
      set({ ...initialSessionState, loginError: message ?? null });
    },
  };
};
