import { worksGuideDesk } from '@hallq/shared/domain';
import {
  changeOwnPassword,
  type OwnPasswordEntry,
  type OwnPasswordResult,
  passwordChoiceSteps,
} from '../../../../common/own-password';
import { consoleLogin, type StaffSession } from '../../../../common/staff-session';
import type { SliceCreator } from '../../types';
import { initialAppointmentsState } from '../appointments/state';
import { initialGuideCallsState } from '../guide-calls/state';
import { initialIssueState } from '../issue/state';
import { initialLookupState } from '../lookup/state';
import { type LoginProblem, type SessionState, initialSessionState } from './state';

export interface SessionActions {
  /** Picks up the session of this browser tab after a reload. */
  restore(): void;
  login(staffId: string, password: string): Promise<void>;
  /** After a login with a one-time password: the person's own password, then into the desk with the same token. */
  chooseOwnPassword(next: string, repeat: string): Promise<void>;
  /** Leaves the "choose your password" form for the login form. */
  cancelPasswordChoice(): void;
  /** 修改密码 while logged in: the session goes on. */
  changeOwnPassword(entry: OwnPasswordEntry): Promise<OwnPasswordResult>;
  /** 退出: ends the token on the server too, as the desk PC is shared between guides. */
  logout(): void;
  /** Back to the login form, forgetting everything the last guide looked at. */
  endSession(problem?: LoginProblem): void;
}
export type SessionSlice = SessionState & SessionActions;

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, { client, sessions }) => {
  const begin = (session: StaffSession) => {
    set({ session, loggingIn: false, loginProblem: null });
    get().startFeed(session.token);
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
      set({ loggingIn: true, loginProblem: null });
      // The hall's own rule (policy.clerksAtGuideDesk, in the public hall), as the server holds the desk's routes to it.
      const result = await consoleLogin(client, staffId, password, async (staff) =>
        worksGuideDesk(staff, await client.call('hall')),
      );
      if ('problem' in result) {
        set({ loggingIn: false, loginProblem: result.problem });
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

    logout() {
      const token = get().session?.token;
      get().endSession();
      // Best effort: a token the server never hears about still ends at its expiry.
      if (token) client.call('logout', { token }).catch(() => undefined);
    },

    endSession(problem) {
      sessions.clear();
      get().stopFeed();
      set({
        ...initialSessionState,
        ...initialLookupState,
        ...initialIssueState,
        ...initialAppointmentsState,
        ...initialGuideCallsState,
        loginProblem: problem ?? null,
      });
    },
  };
};
