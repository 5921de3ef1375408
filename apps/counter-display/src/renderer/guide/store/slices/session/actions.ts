import { worksGuideDesk } from '@hallq/shared/domain';
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
      sessions.save(result.session);
      begin(result.session);
    },

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
