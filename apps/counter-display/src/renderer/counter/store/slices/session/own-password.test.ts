import { ApiError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { SESSION, memoryStorage, testCounter, windowState } from '../../test-services';

const clerk = { id: 'c02', name: '王建国', role: 'clerk' as const };
const oneTimeAnswer = {
  token: 'token-once',
  expiresAt: '2026-11-20T12:00:00.000Z',
  staff: clerk,
  window: null,
  mustChangePassword: true,
};
const windowAnswer = {
  ...oneTimeAnswer,
  token: 'token-c02',
  window: windowState({ number: 2, clerk: 'c02', post: 'A' as const }),
  mustChangePassword: false,
};

describe('a one-time password at the counter', () => {
  it('leads to the form, not to the window', async () => {
    const { storage, saved } = memoryStorage();
    const panel = testCounter({ loggedIn: false, storage });
    panel.state().chooseWindow(2);
    panel.api.login.mockResolvedValueOnce(oneTimeAnswer);
    await panel.state().login('c02', 'Temp-1234');
    expect(panel.state()).toMatchObject({
      session: null,
      loginStatus: 'idle',
      passwordChoice: { session: { token: 'token-once', window: 2 }, oneTime: 'Temp-1234' },
    });
    expect(saved.session).toBeNull();
    expect(panel.connectRealtime).not.toHaveBeenCalled();
  });

  it('puts the clerk at the window after the change, logged in there again with the new password', async () => {
    const { storage, saved } = memoryStorage();
    const panel = testCounter({ loggedIn: false, storage });
    panel.state().chooseWindow(2);
    panel.api.login.mockResolvedValueOnce(oneTimeAnswer);
    await panel.state().login('c02', 'Temp-1234', { takeOver: true });
    panel.api.changePassword.mockResolvedValue({ ok: true });
    panel.api.login.mockResolvedValueOnce(windowAnswer);
    await panel.state().chooseOwnPassword('mine-2026', 'mine-2026');

    expect(panel.api.changePassword).toHaveBeenCalledWith({
      body: { current: 'Temp-1234', next: 'mine-2026' },
      token: 'token-once',
    });
    expect(panel.api.login).toHaveBeenLastCalledWith({
      body: { staffId: 'c02', password: 'mine-2026', window: 2, takeOver: true },
    });
    expect(panel.state()).toMatchObject({ passwordChoice: null, session: { token: 'token-c02', window: 2 } });
    expect(saved.session?.token).toBe('token-c02');
    expect(panel.connectRealtime).toHaveBeenCalledWith(2, 'token-c02');
    // The one-time session, which opened no window, is ended.
    expect(panel.api.logout).toHaveBeenCalledWith({ token: 'token-once' });
  });

  it("shows the server's message for a weak password, and keeps the clerk on the form", async () => {
    const panel = testCounter({ loggedIn: false });
    panel.state().chooseWindow(2);
    panel.api.login.mockResolvedValueOnce(oneTimeAnswer);
    await panel.state().login('c02', 'Temp-1234');
    await panel.state().chooseOwnPassword('12345678', '12345678');
    expect(panel.state().passwordChoice).toMatchObject({
      sending: false,
      problem: {
        field: 'next',
        message: '新密码须同时含有数字和字母（或符号）',
        detail: 'must mix digits with letters or signs',
      },
    });
    expect(panel.api.login).toHaveBeenCalledTimes(1);
    expect(panel.state().session).toBeNull();
  });

  it('says why on the login form when the login at the window with the new password is refused', async () => {
    const panel = testCounter({ loggedIn: false });
    panel.state().chooseWindow(2);
    panel.api.login.mockResolvedValueOnce(oneTimeAnswer);
    await panel.state().login('c02', 'Temp-1234');
    panel.api.changePassword.mockResolvedValue({ ok: true });
    panel.api.login.mockRejectedValueOnce(
      new ApiError(409, 'at_another_window', 'c02 is logged in at window 5: log out there first, or move here'),
    );
    await panel.state().chooseOwnPassword('mine-2026', 'mine-2026');
    expect(panel.state()).toMatchObject({ passwordChoice: null, session: null, loginCanMove: true });
    expect(panel.state().loginError?.message).toMatch(/已在另一个窗口登录/);
  });
});

describe("changing one's own password at the window", () => {
  it('says a wrong current password, and keeps the clerk at the window after a change', async () => {
    const panel = testCounter();
    panel.api.changePassword.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'wrong staff id or password'));
    const entry = { current: 'nope', next: 'mine-2026', repeat: 'mine-2026' };
    expect(await panel.state().changeOwnPassword(entry)).toMatchObject({
      problem: { field: 'current', message: '原密码不正确' },
    });
    panel.api.changePassword.mockResolvedValueOnce({ ok: true });
    expect(await panel.state().changeOwnPassword({ ...entry, current: 'demo' })).toEqual({ ok: true });
    expect(panel.api.changePassword).toHaveBeenLastCalledWith({
      body: { current: 'demo', next: 'mine-2026' },
      token: SESSION.token,
    });
    expect(panel.state().session).toEqual(SESSION);
  });
});
