import { ApiError, NetworkError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { SESSION, demoHall, noShowTrace, testDesk } from '../../test-services';

describe('the desk session', () => {
  it("keeps a guide's token for the tab, follows the hall with it, and fetches today's appointments on the snapshot", async () => {
    const desk = testDesk();
    desk.api.login.mockResolvedValue({ ...SESSION, window: null, mustChangePassword: false });
    await desk.state().login(' g01 ', 'demo');
    expect(desk.api.login).toHaveBeenCalledWith({ body: { staffId: 'g01', password: 'demo' } });
    expect(desk.stored()?.token).toBe('tok-g01');
    expect(desk.token()).toBe('tok-g01');
    await desk.online();
    expect(desk.api.appointments).toHaveBeenCalledWith({ token: 'tok-g01' });
    expect(desk.state().hall?.priorityPath).toBe('help_and_proxy');
  });

  it('lets the manager in, refuses a chief representative, and says why a login failed', async () => {
    const desk = testDesk();
    desk.api.login.mockResolvedValueOnce({
      ...SESSION,
      staff: { id: 'z01', name: '索朗卓嘎', role: 'chief_representative' },
      window: null,
      mustChangePassword: false,
    });
    desk.api.logout.mockResolvedValue({ ok: true });
    await desk.state().login('z01', 'demo');
    expect(desk.state()).toMatchObject({ session: null, loginProblem: 'not_for_console' });
    // The refused login's session is ended at once, not left valid until it expires.
    expect(desk.api.logout).toHaveBeenCalledWith({ token: 'tok-g01' });
    desk.api.login.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'bad password'));
    await desk.state().login('g01', 'x');
    expect(desk.state().loginProblem).toBe('refused');
    desk.api.login.mockRejectedValueOnce(new NetworkError('down'));
    await desk.state().login('g01', 'demo');
    expect(desk.state().loginProblem).toBe('network');
    desk.api.login.mockResolvedValueOnce({
      ...SESSION,
      staff: { id: 'admin', name: '孙立新', role: 'manager' },
      window: null,
      mustChangePassword: false,
    });
    await desk.state().login('admin', 'admin');
    expect(desk.state().session?.staff.id).toBe('admin');
  });

  it("lets a clerk in only where the hall's policy puts clerks at the guide desk", async () => {
    const desk = testDesk();
    const clerk = {
      ...SESSION,
      staff: { id: 'c01', name: '扎西', role: 'clerk' as const },
      window: null,
      mustChangePassword: false,
    };
    desk.api.logout.mockResolvedValue({ ok: true });
    desk.api.login.mockResolvedValue(clerk);
    await desk.state().login('c01', 'demo');
    expect(desk.state()).toMatchObject({ session: null, loginProblem: 'not_for_console' });
    desk.api.hall.mockImplementation(async () => ({ ...demoHall(), clerksAtGuideDesk: true }));
    await desk.state().login('c01', 'demo');
    expect(desk.state().session?.staff.id).toBe('c01');
  });

  it('logging out ends the token on the server and forgets what the last guide looked at', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    desk.api.ticketTrace.mockResolvedValue(noShowTrace());
    await desk.state().lookUp('A001');
    desk.api.logout.mockResolvedValue({ ok: true });
    desk.state().logout();
    expect(desk.api.logout).toHaveBeenCalledWith({ token: 'tok-g01' });
    expect(desk.stored()).toBeNull();
    expect(desk.live.stop).toHaveBeenCalled();
    expect(desk.state()).toMatchObject({ session: null, feed: null, lookup: { trace: null }, loginProblem: null });
  });

  it('goes back to the login form, saying so, when the socket no longer accepts the token', () => {
    const desk = testDesk({ loggedIn: true });
    desk.live.handlers!.connection('unauthorized');
    expect(desk.state()).toMatchObject({ session: null, loginProblem: 'expired' });
    expect(desk.stored()).toBeNull();
  });
});
