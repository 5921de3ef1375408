import type { PasswordChoice } from '../../../../common/own-password';
import type { StaffSession } from '../../../../common/staff-session';

/** Why the desk is at its login form: a refused password, no server, an account that is not for the desk, or expiry. */
export type LoginProblem = 'refused' | 'network' | 'not_for_console' | 'expired';

export interface SessionState {
  session: StaffSession | null;
  loggingIn: boolean;
  loginProblem: LoginProblem | null;
  /** Logged in with a one-time password: the desk opens once the person has chosen their own. */
  passwordChoice: PasswordChoice<StaffSession> | null;
}

export const initialSessionState: SessionState = {
  session: null,
  loggingIn: false,
  loginProblem: null,
  passwordChoice: null,
};
