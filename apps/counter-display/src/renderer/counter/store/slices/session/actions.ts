import { ApiError } from '@hallq/shared/client';
import {
  changeOwnPassword,
  type OwnPasswordEntry,
  type OwnPasswordResult,
  passwordChoiceSteps,
} from '../../../../common/own-password';
import { describeFailure } from '../../../refusals';
import { CounterHall } from '../../../services/client';
import type { SliceCreator } from '../../types';
import { type OneTimeLogin, type SessionState, initialSessionState } from './state';

export interface SessionActions {
  loadHall(): Promise<void>;
  chooseWindow(window: number): void;
  /**
   * Logs in at the chosen window. `move` leaves the window the clerk is logged in at (one clerk, one window);
   * `takeOver` takes the window at once, citizen and all, where the other post's clerk has gone mid-service.
   */
  login(staffId: string, password: string, options?: { move?: boolean; takeOver?: boolean }): Promise<void>;
  /** After a login with a one-time password: the clerk's own password, then the login at the window with it. */
  chooseOwnPassword(next: string, repeat: string): Promise<void>;
  /** Leaves the "choose your password" form for the login form. */
  cancelPasswordChoice(): void;
  /** 修改密码 while at the window: the session goes on. */
  changeOwnPassword(entry: OwnPasswordEntry): Promise<OwnPasswordResult>;
  /** Logs out at the server (an A clerk's window closes) and returns to the login form. */
  logout(): Promise<void>;
  /**
   * AB岗: hands the window now, citizen and all, to the other post's clerk waiting to take it over. The window's new
   * holder reaches the panel on the feed, like every change.
   */
  handOver(): Promise<void>;
  /** After a reload: carry on with the session kept in this browser, if it has not expired. */
  restoreSession(): void;
  /** Back to the login form without asking the server (the token is no longer valid). */
  endSession(notice: string | null): void;
}
export type SessionSlice = SessionState & SessionActions;

export const SESSION_EXPIRED = '登录已失效（过期或已在别处退出），请重新登录';

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get, { api, storage, now, newRequestId }) => {
  const begin = () => {
    get().startFeed();
    void get().loadSummary();
  };
  const choice = passwordChoiceSteps<OneTimeLogin>(
    api,
    () => get().passwordChoice,
    (passwordChoice) => set({ passwordChoice }),
  );

  return {
    ...initialSessionState,

    async loadHall() {
      set({ hallStatus: 'loading' });
      try {
        const hall = CounterHall.parse(await api.call('hall'));
        set({ hall, hallStatus: 'loaded', noShowAfterCalls: hall.noShowAfterCalls });
      } catch {
        set({ hallStatus: 'failed' });
      }
    },

    chooseWindow(window) {
      set({ windowNumber: window, loginError: null });
    },

    async login(staffId, password, { move = false, takeOver = false } = {}) {
      const window = get().windowNumber;
      if (get().loginStatus === 'sending') return;
      if (window === null) {
        set({ loginError: { message: '请选择窗口', detail: null } });
        return;
      }
      set({ loginStatus: 'sending', loginError: null, loginCanMove: false, sessionNotice: null });
      try {
        const body = { staffId, password, window, ...(move && { move }), ...(takeOver && { takeOver }) };
        const answer = await api.call('login', { body });
        storage.saveWindow(window);
        if (answer.mustChangePassword) {
          const oneTime = { token: answer.token, staff: answer.staff, window, options: { move, takeOver } };
          set({
            loginStatus: 'idle',
            passwordChoice: { session: oneTime, oneTime: password, sending: false, problem: null },
          });
          return;
        }
        const session = { token: answer.token, expiresAt: answer.expiresAt, staff: answer.staff, window };
        storage.saveSession(session);
        set({ session, loginStatus: 'idle' });
        begin();
      } catch (error) {
        let loginError = describeFailure(error);
        if (error instanceof ApiError && error.code === 'unauthorized') {
          loginError = { message: '工号或密码错误', detail: null };
        } else if (error instanceof ApiError && error.code === 'forbidden') {
          loginError = { message: `${staffId} 不是 ${window} 号窗口的 A 岗或 B 岗人员`, detail: error.message };
        } else if (error instanceof ApiError && error.code === 'at_another_window') {
          loginError = {
            message: `${staffId} 已在另一个窗口登录：请先在那里退出，或离开那个窗口改在本窗口登录`,
            detail: error.message,
          };
        }
        const loginCanMove = error instanceof ApiError && error.code === 'at_another_window';
        set({ loginStatus: 'idle', loginError, loginCanMove });
      }
    },

    async chooseOwnPassword(next, repeat) {
      const chosen = await choice.choose(next, repeat);
      if (!chosen) return;
      // The one-time session opened no window and serves nothing more: ended rather than left valid until it expires.
      api.call('logout', { token: chosen.token }).catch(() => undefined);
      await get().login(chosen.staff.id, next, chosen.options);
    },

    cancelPasswordChoice: choice.cancel,

    changeOwnPassword: (entry) => changeOwnPassword(api, get().session?.token ?? null, entry),

    async logout() {
      const session = get().session;
      if (!session || get().logoutStatus === 'sending') return;
      set({ logoutStatus: 'sending', logoutError: null });
      try {
        await api.call('logout', { token: session.token });
      } catch (error) {
        // A token the server no longer knows is as good as logged out.
        if (!(error instanceof ApiError && error.code === 'unauthorized')) {
          const failure = describeFailure(error);
          const message =
            error instanceof ApiError && error.code === 'invalid_state'
              ? '还有正在呼叫或办理的号：请先办结、转交或标记过号，再退出'
              : failure.message;
          set({ logoutStatus: 'idle', logoutError: { ...failure, message } });
          return;
        }
      }
      get().endSession(null);
    },

    async handOver() {
      const session = get().session;
      if (!session || get().handOverStatus === 'sending') return;
      set({ handOverStatus: 'sending', handOverError: null });
      try {
        const body = { requestId: newRequestId() };
        await api.call('handOver', { params: { id: session.window }, body, token: session.token });
        set({ handOverStatus: 'idle' });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'unauthorized') {
          get().endSession(SESSION_EXPIRED);
          return;
        }
        const failure = describeFailure(error);
        const message =
          error instanceof ApiError && error.code === 'invalid_state'
            ? '没有等待接岗的人员，无需移交'
            : failure.message;
        set({ handOverStatus: 'idle', handOverError: { ...failure, message } });
      }
    },

    restoreSession() {
      const stored = storage.loadSession();
      if (!stored || Date.parse(stored.expiresAt) <= now()) {
        storage.saveSession(null);
        return;
      }
      set({ session: stored, windowNumber: stored.window });
      begin();
    },

    endSession(notice) {
      get().disconnectFeed();
      storage.saveSession(null);
      get().resetDesk();
      get().resetLocker();
      set({
        session: null,
        logoutStatus: 'idle',
        logoutError: null,
        handOverStatus: 'idle',
        handOverError: null,
        sessionNotice: notice,
        summary: null,
        summaryStatus: 'idle',
        guideAnswers: {},
        guideError: null,
        // An open print offer goes with the clerk, and the applicant's name in it.
        noticeDraft: null,
      });
    },
  };
};
