import { ApiError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { SESSION, testDesk } from '../../test-services';

describe('a one-time password at the guide desk', () => {
  it('leads to the form, not into the desk, and in with the same token once the guide chose their own', async () => {
    const desk = testDesk();
    desk.api.login.mockResolvedValue({ ...SESSION, window: null, mustChangePassword: true });
    await desk.state().login('g01', 'Temp-1234');
    expect(desk.state()).toMatchObject({ session: null, passwordChoice: { session: SESSION } });
    expect(desk.token()).toBeNull();

    // Refused as the server would, by the route's contract in the fake client.
    await desk.state().chooseOwnPassword('Temp-12', 'Temp-12');
    expect(desk.state().passwordChoice?.problem).toMatchObject({
      field: 'next',
      detail: 'must be at least 8 characters',
    });

    desk.api.changePassword.mockResolvedValue({ ok: true });
    await desk.state().chooseOwnPassword('mine-2026', 'mine-2026');
    expect(desk.state()).toMatchObject({ session: SESSION, passwordChoice: null });
    expect(desk.stored()).toEqual(SESSION);
    expect(desk.token()).toBe('tok-g01');
  });

  it('forgets the choice with the rest when the session ends', async () => {
    const desk = testDesk();
    desk.api.login.mockResolvedValue({ ...SESSION, window: null, mustChangePassword: true });
    await desk.state().login('g01', 'Temp-1234');
    desk.state().endSession('expired');
    expect(desk.state()).toMatchObject({ passwordChoice: null, loginProblem: 'expired' });
  });
});

describe("changing one's own password at the guide desk", () => {
  it('says a wrong current password', async () => {
    const desk = testDesk({ loggedIn: true });
    desk.api.changePassword.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'wrong staff id or password'));
    const entry = { current: 'nope', next: 'mine-2026', repeat: 'mine-2026' };
    expect(await desk.state().changeOwnPassword(entry)).toMatchObject({
      problem: { field: 'current', message: '原密码不正确' },
    });
    expect(desk.api.changePassword).toHaveBeenCalledWith({
      body: { current: 'nope', next: 'mine-2026' },
      token: 'tok-g01',
    });
  });
});
