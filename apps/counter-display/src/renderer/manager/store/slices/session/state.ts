import type { ManagerSession } from '../../../services/session-storage';

export interface SessionState {
  session: ManagerSession | null;
  loggingIn: boolean;
  loginError: string | null;
}

export const initialSessionState: SessionState = { session: null, loggingIn: false, loginError: null };
