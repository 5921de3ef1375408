import type { StaffSession } from '../../../../common/staff-session';

export interface SessionState {
  session: StaffSession | null;
  loggingIn: boolean;
  loginError: string | null;
}

export const initialSessionState: SessionState = { session: null, loggingIn: false, loginError: null };
