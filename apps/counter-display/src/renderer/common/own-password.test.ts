import { ApiError, NetworkError } from '@hallq/shared/client';
import { fakeHallClient } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { changeOwnPassword, type PasswordChoice, passwordChoiceSteps } from './own-password';
import { consoleLogin, type StaffSession } from './staff-session';

const session: StaffSession = {
  token: 'tok-g01',
  expiresAt: '2026-12-04T12:00:00.000Z',
  staff: { id: 'g01', name: '卓玛', role: 'floor_guide' },
};

describe('changing one’s own password', () => {
  it('sends the current password and the new one with the session’s token', async () => {
    const client = fakeHallClient();
    client.changePassword.mockResolvedValue({ ok: true });
    const entry = { current: 'old-pass1', next: 'mine-2026', repeat: 'mine-2026' };
    expect(await changeOwnPassword(client, 'tok', entry)).toEqual({ ok: true });
    expect(client.changePassword).toHaveBeenCalledWith({
      body: { current: 'old-pass1', next: 'mine-2026' },
      token: 'tok',
    });
  });

  it('shows the server’s message beside the new password when it is too weak', async () => {
    // The fake client checks the body against the route's contract, as the server does: nothing reaches the route.
    const client = fakeHallClient();
    const short = await changeOwnPassword(client, 'tok', { current: 'x', next: 'ab1', repeat: 'ab1' });
    expect(short).toEqual({
      ok: false,
      problem: { field: 'next', message: '新密码太短：至少 8 个字符', detail: 'must be at least 8 characters' },
    });
    const letters = await changeOwnPassword(client, 'tok', { current: 'x', next: 'abcdefgh', repeat: 'abcdefgh' });
    expect(letters).toMatchObject({
      problem: { field: 'next', detail: 'must mix digits with letters or signs' },
    });
    expect(client.changePassword).not.toHaveBeenCalled();
  });

  it('says the new password must differ from the current one when the server refuses it so', async () => {
    const client = fakeHallClient();
    client.changePassword.mockRejectedValue(
      new ApiError(400, 'validation_failed', 'next: must differ from the current password', {
        fields: [{ path: 'next', message: 'must differ from the current password' }],
      }),
    );
    const same = await changeOwnPassword(client, 'tok', {
      current: 'same-2026',
      next: 'same-2026',
      repeat: 'same-2026',
    });
    expect(same).toMatchObject({ problem: { field: 'next', message: '新密码不能与原密码相同' } });
  });

  it('says a wrong current password beside it, and how long a lockout lasts', async () => {
    const client = fakeHallClient();
    client.changePassword.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'wrong staff id or password'));
    const entry = { current: 'wrong', next: 'mine-2026', repeat: 'mine-2026' };
    expect(await changeOwnPassword(client, 'tok', entry)).toEqual({
      ok: false,
      problem: { field: 'current', message: '原密码不正确', detail: 'wrong staff id or password' },
    });
    client.changePassword.mockRejectedValueOnce(
      new ApiError(429, 'too_many_requests', 'locked', { retryAfterSeconds: 300 }),
    );
    expect(await changeOwnPassword(client, 'tok', entry)).toMatchObject({
      problem: { field: 'current', message: '密码输错次数过多，暂时锁定，请 300 秒后再试' },
    });
  });

  it('sends nothing when the two new entries differ, and claims nothing when the server did not answer', async () => {
    const client = fakeHallClient();
    const typo = await changeOwnPassword(client, 'tok', { current: 'x', next: 'mine-2026', repeat: 'mine-2062' });
    expect(typo).toEqual({ ok: false, problem: { field: 'repeat', message: '两次输入的新密码不一致', detail: null } });
    expect(client.changePassword).not.toHaveBeenCalled();
    client.changePassword.mockRejectedValueOnce(new NetworkError('down'));
    const down = await changeOwnPassword(client, 'tok', { current: 'x', next: 'mine-2026', repeat: 'mine-2026' });
    expect(down).toMatchObject({ problem: { field: null, message: expect.stringMatching(/无法连接服务器/) } });
  });
});

describe('a login with a one-time password', () => {
  it('leads a console to the choice of a password, not into the console', async () => {
    const client = fakeHallClient();
    client.login.mockResolvedValue({ ...session, window: null, mustChangePassword: true });
    expect(await consoleLogin(client, 'g01', 'Temp-1234', () => true)).toEqual({
      mustChange: session,
      password: 'Temp-1234',
    });
  });

  it('goes on with the same session once the person has chosen their own, typed in place of the one-time one', async () => {
    const client = fakeHallClient();
    let choice: PasswordChoice<StaffSession> | null = { session, oneTime: 'Temp-1234', sending: false, problem: null };
    const steps = passwordChoiceSteps(
      client,
      () => choice,
      (c) => (choice = c),
    );
    expect(await steps.choose('short', 'short')).toBeNull();
    expect(choice).toMatchObject({ sending: false, problem: { field: 'next' } });
    client.changePassword.mockResolvedValue({ ok: true });
    expect(await steps.choose('mine-2026', 'mine-2026')).toEqual(session);
    expect(client.changePassword).toHaveBeenCalledWith({
      body: { current: 'Temp-1234', next: 'mine-2026' },
      token: 'tok-g01',
    });
    expect(choice).toBeNull();
  });

  it('ends the one-time session when the person goes back to the login form, even mid-change', async () => {
    const client = fakeHallClient();
    client.logout.mockResolvedValue({ ok: true });
    client.changePassword.mockResolvedValue({ ok: true });
    let choice: PasswordChoice<StaffSession> | null = { session, oneTime: 'Temp-1234', sending: false, problem: null };
    const steps = passwordChoiceSteps(
      client,
      () => choice,
      (c) => (choice = c),
    );
    const choosing = steps.choose('mine-2026', 'mine-2026');
    steps.cancel();
    expect(await choosing).toBeNull();
    expect(choice).toBeNull();
    expect(client.logout).toHaveBeenCalledWith({ token: 'tok-g01' });
  });
});
