import { ApiError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { SESSION, testConsole } from '../../test-services';

const ENTRY = { current: 'admin', next: 'mine-2026', repeat: 'mine-2026' };

describe('a one-time password at the console', () => {
  it('leads to the form, not into the console, and in with the same token once the manager chose their own', async () => {
    const app = testConsole();
    app.api.login.mockResolvedValue({ ...SESSION, window: null, mustChangePassword: true });
    await app.state().login('admin', 'Temp-1234');
    expect(app.state()).toMatchObject({ session: null, loggingIn: false, passwordChoice: { oneTime: 'Temp-1234' } });
    expect(app.stored()).toBeNull();
    expect(app.live.start).not.toHaveBeenCalled();

    app.api.changePassword.mockResolvedValue({ ok: true });
    await app.state().chooseOwnPassword('mine-2026', 'mine-2026');
    expect(app.api.changePassword).toHaveBeenCalledWith({
      body: { current: 'Temp-1234', next: 'mine-2026' },
      token: 'tok-admin',
    });
    expect(app.state()).toMatchObject({ session: SESSION, passwordChoice: null });
    expect(app.stored()).toEqual(SESSION);
    expect(app.live.token).toBe('tok-admin');
  });

  it("shows the server's message for a weak password and stays on the form", async () => {
    const app = testConsole();
    app.api.login.mockResolvedValue({ ...SESSION, window: null, mustChangePassword: true });
    await app.state().login('admin', 'Temp-1234');
    await app.state().chooseOwnPassword('password', 'password');
    expect(app.state().passwordChoice?.problem).toMatchObject({
      field: 'next',
      detail: 'must mix digits with letters or signs',
    });
    expect(app.state().session).toBeNull();
  });

  it('ends the one-time session when the manager goes back to the login form', async () => {
    const app = testConsole();
    app.api.login.mockResolvedValue({ ...SESSION, window: null, mustChangePassword: true });
    app.api.logout.mockResolvedValue({ ok: true });
    await app.state().login('admin', 'Temp-1234');
    app.state().cancelPasswordChoice();
    expect(app.state().passwordChoice).toBeNull();
    expect(app.api.logout).toHaveBeenCalledWith({ token: 'tok-admin' });
  });
});

describe("changing one's own password at the console", () => {
  it('says a wrong current password, and keeps the session after a change', async () => {
    const app = testConsole({ loggedIn: true });
    app.api.changePassword.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'wrong staff id or password'));
    expect(await app.state().changeOwnPassword({ ...ENTRY, current: 'nope' })).toMatchObject({
      ok: false,
      problem: { field: 'current', message: '原密码不正确' },
    });
    app.api.changePassword.mockResolvedValueOnce({ ok: true });
    expect(await app.state().changeOwnPassword(ENTRY)).toEqual({ ok: true });
    expect(app.api.changePassword).toHaveBeenLastCalledWith({
      body: { current: 'admin', next: 'mine-2026' },
      token: 'tok-admin',
    });
    expect(app.state().session).toEqual(SESSION);
  });
});
