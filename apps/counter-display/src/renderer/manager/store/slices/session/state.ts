import type { PasswordChoice } from '../../../../common/own-password';
import type { StaffSession } from '../../../../common/staff-session';

export interface SessionState {
  session: StaffSession | null;
  loggingIn: boolean;
  loginError: string | null;
  /** Logged in with a one-time password: the console opens once the person has chosen their own. */
  passwordChoice: PasswordChoice<StaffSession> | null;
}

export const initialSessionState: SessionState = {
  session: null,
  loggingIn: false,
  loginError: null,
  passwordChoice: null,
};
