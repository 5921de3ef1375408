import { ApiError, NetworkError } from '@hallq/shared/client';
import { makePublicHall } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { SESSION, memoryStorage, settle, testCounter, windowState } from '../../test-services';

const loginAnswer = {
  token: 'token-c04',
  expiresAt: '2026-11-20T12:00:00.000Z',
  staff: { id: 'c04', name: '次仁', role: 'clerk' as const },
  window: windowState({ clerk: 'c04', post: 'B' as const }),
  mustChangePassword: false,
};

describe('logging in at a window', () => {
  it('logs in at the chosen window, remembers it, and joins its room', async () => {
    const { storage, saved } = memoryStorage();
    const panel = testCounter({ loggedIn: false, storage });
    panel.state().chooseWindow(3);
    panel.api.login.mockResolvedValueOnce(loginAnswer);
    await panel.state().login('c04', 'demo');
    expect(panel.api.login).toHaveBeenCalledWith({ body: { staffId: 'c04', password: 'demo', window: 3 } });
    expect(panel.state().session).toMatchObject({ token: 'token-c04', window: 3, staff: { id: 'c04' } });
    expect(saved.window).toBe(3);
    expect(saved.session?.token).toBe('token-c04');
    expect(panel.connectRealtime).toHaveBeenCalledWith(3, 'token-c04');
    await settle();
    expect(panel.api.clerkSummary).toHaveBeenCalledWith({ params: { id: 3 }, token: 'token-c04' });
  });

  it('asks for a window before sending anything', async () => {
    const panel = testCounter({ loggedIn: false });
    await panel.state().login('c03', 'demo');
    expect(panel.api.login).not.toHaveBeenCalled();
    expect(panel.state().loginError?.message).toBe('请选择窗口');
  });

  it('says plainly when the password is wrong or the clerk holds no post there', async () => {
    const panel = testCounter({ loggedIn: false });
    panel.state().chooseWindow(3);
    panel.api.login.mockRejectedValueOnce(new ApiError(401, 'unauthorized', 'wrong staff id or password'));
    await panel.state().login('c03', 'nope');
    expect(panel.state().loginError?.message).toBe('工号或密码错误');
    panel.api.login.mockRejectedValueOnce(
      new ApiError(403, 'forbidden', 'c09 holds neither the A nor the B post of window 3'),
    );
    await panel.state().login('c09', 'demo');
    expect(panel.state().loginError?.message).toBe('c09 不是 3 号窗口的 A 岗或 B 岗人员');
    expect(panel.state().session).toBeNull();
  });

  it('offers to move when the clerk is logged in at another window, and moves only when asked', async () => {
    const panel = testCounter({ loggedIn: false });
    panel.state().chooseWindow(3);
    panel.api.login.mockRejectedValueOnce(
      new ApiError(409, 'at_another_window', 'c04 is logged in at window 2: log out there first, or move here'),
    );
    await panel.state().login('c04', 'demo');
    expect(panel.state().loginError?.message).toMatch(/已在另一个窗口登录/);
    expect(panel.state().loginCanMove).toBe(true);
    expect(panel.state().session).toBeNull();

    panel.api.login.mockResolvedValueOnce(loginAnswer);
    await panel.state().login('c04', 'demo', { move: true });
    expect(panel.api.login).toHaveBeenLastCalledWith({
      body: { staffId: 'c04', password: 'demo', window: 3, move: true },
    });
    expect(panel.state().session).toMatchObject({ window: 3 });
    expect(panel.state().loginCanMove).toBe(false);
  });

  it('asks to take the window at once, citizen and all, only when the clerk ticks it', async () => {
    const panel = testCounter({ loggedIn: false });
    panel.state().chooseWindow(3);
    panel.api.login.mockResolvedValue(loginAnswer);
    await panel.state().login('c04', 'demo', { takeOver: true });
    expect(panel.api.login).toHaveBeenLastCalledWith({
      body: { staffId: 'c04', password: 'demo', window: 3, takeOver: true },
    });
  });

  it('carries on after a reload with the session kept in the browser, until it expires', () => {
    const kept = testCounter({ loggedIn: false, storage: memoryStorage(3, SESSION).storage });
    kept.state().restoreSession();
    expect(kept.state().session).toEqual(SESSION);
    expect(kept.connectRealtime).toHaveBeenCalledWith(3, 'token-c03');

    const { storage, saved } = memoryStorage(3, { ...SESSION, expiresAt: '2026-11-20T01:00:00.000Z' });
    const expired = testCounter({ loggedIn: false, storage });
    expired.state().restoreSession();
    expect(expired.state().session).toBeNull();
    expect(saved.session).toBeNull();
  });
});

describe('logging out', () => {
  it('logs out at the server, stops the feed and forgets the session', async () => {
    const { storage, saved } = memoryStorage(3, SESSION);
    const panel = testCounter({ storage });
    panel.online();
    await panel.state().logout();
    expect(panel.api.logout).toHaveBeenCalledWith({ token: 'token-c03' });
    expect(panel.realtime.stop).toHaveBeenCalled();
    expect(panel.state()).toMatchObject({ session: null, feed: null, sessionNotice: null });
    expect(saved).toEqual({ window: 3, session: null });
  });

  it('stays logged in when a ticket is still in play, and says what to do', async () => {
    const panel = testCounter();
    panel.online();
    panel.api.logout.mockRejectedValueOnce(
      new ApiError(409, 'invalid_state', 'window 3 still has a called or served ticket'),
    );
    await panel.state().logout();
    expect(panel.state().session).not.toBeNull();
    expect(panel.state().logoutError?.message).toBe('还有正在呼叫或办理的号：请先办结、转交或标记过号，再退出');
  });
});

describe('the hall', () => {
  it('comes from GET /api/hall, keeping only what the panel reads, with the hall’s no-show rule', async () => {
    const panel = testCounter({ loggedIn: false });
    panel.api.hall.mockResolvedValueOnce(makePublicHall({ noShowAfterCalls: 3 }));
    await panel.state().loadHall();
    expect(panel.state()).toMatchObject({ hallStatus: 'loaded', noShowAfterCalls: 3 });
    expect(Object.keys(panel.state().hall!).sort()).toEqual(
      [
        'calendar',
        'departments',
        'hours',
        'name',
        'noShowAfterCalls',
        'serviceItems',
        'version',
        'timeZone',
        'windowTypes',
        'windows',
      ].sort(),
    );
  });

  it('says so when it cannot be read', async () => {
    const panel = testCounter({ loggedIn: false });
    panel.api.hall.mockRejectedValueOnce(new NetworkError('timeout'));
    await panel.state().loadHall();
    expect(panel.state().hallStatus).toBe('failed');
  });
});

describe('handing the window over (AB岗)', () => {
  it('hands the window at its own window with a fresh request, and says plainly when nobody is waiting', async () => {
    const panel = testCounter();
    panel.api.handOver.mockResolvedValueOnce({ window: windowState({ clerk: 'c02', post: 'A' }), ticket: null });
    await panel.state().handOver();
    expect(panel.api.handOver).toHaveBeenCalledWith({
      params: { id: 3 },
      body: { requestId: expect.any(String) },
      token: 'token-c03',
    });
    expect(panel.state()).toMatchObject({ handOverStatus: 'idle', handOverError: null });

    panel.api.handOver.mockRejectedValueOnce(
      new ApiError(409, 'invalid_state', 'nobody is waiting to take window 3 over'),
    );
    await panel.state().handOver();
    expect(panel.state().handOverError?.message).toBe('没有等待接岗的人员，无需移交');
  });
});
