import type { StaffInfo } from '@hallq/shared/contracts';
import type { PasswordChoice } from '../../../../common/own-password';
import type { FailureText } from '../../../refusals';
import type { CounterHall } from '../../../services/client';

export interface Session {
  token: string;
  expiresAt: string;
  staff: StaffInfo;
  window: number;
}

/**
 * A login at `window` with a one-time password: it opened no window. Once the clerk has chosen their own password they
 * log in there with it, as they asked the first time (`move`, `takeOver`).
 */
export interface OneTimeLogin {
  token: string;
  staff: StaffInfo;
  window: number;
  options: { move: boolean; takeOver: boolean };
}

export interface SessionState {
  hall: CounterHall | null;
  hallStatus: 'loading' | 'loaded' | 'failed';
  /** The window chosen on the login form (from ?window=, the last login on this PC, or the clerk's choice). */
  windowNumber: number | null;
  session: Session | null;
  loginStatus: 'idle' | 'sending';
  loginError: FailureText | null;
  /** The last login was refused because the clerk is at another window: the form offers to move here. */
  loginCanMove: boolean;
  /** Logged in with a one-time password: the clerk chooses their own before the window opens. */
  passwordChoice: PasswordChoice<OneTimeLogin> | null;
  logoutStatus: 'idle' | 'sending';
  logoutError: FailureText | null;
  /** 立即移交: handing the window to the other post waiting to take it over, and why it failed. */
  handOverStatus: 'idle' | 'sending';
  handOverError: FailureText | null;
  /** Why the clerk is back at the login form without having logged out (token expired or revoked). */
  sessionNotice: string | null;
}

export const initialSessionState: SessionState = {
  hall: null,
  hallStatus: 'loading',
  windowNumber: null,
  session: null,
  loginStatus: 'idle',
  loginError: null,
  loginCanMove: false,
  passwordChoice: null,
  logoutStatus: 'idle',
  logoutError: null,
  handOverStatus: 'idle',
  handOverError: null,
  sessionNotice: null,
};
