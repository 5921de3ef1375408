import type { WindowState } from '@hallq/shared/domain';
import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { DISPLAY_KEY, api, hallPerTest, rid } from './harness';

const halls = hallPerTest();

// Demo hall: c01 holds the A post of window 1 and the B post of window 2.
async function openHall() {
  const { server, kiosk } = await halls.open();
  const pub = api(server.url);
  const login = (window: number, extra: Record<string, unknown> = {}) =>
    pub.post('/api/auth/login', { staffId: 'c01', password: 'demo', window, ...extra });
  const windows = async () => {
    const { windows } = await ok('windows', api(server.url, DISPLAY_KEY).get('/api/windows'));
    return new Map((windows as WindowState[]).map((w) => [w.number, w]));
  };
  return { server, kiosk, login, windows };
}

describe('one clerk, one window', () => {
  it('refuses a login at a second window, naming the first, and leaves the first as it was', async () => {
    const h = await openHall();
    await ok('login', h.login(1));
    const refusal = await refused(h.login(2), 409, 'at_another_window');
    expect(refusal.message).toMatch(/window 1/);
    const w = await h.windows();
    expect([w.get(1)!.status, w.get(1)!.clerk]).toEqual(['open', 'c01']);
    expect(w.get(2)!.status).toBe('closed');
  });

  it('moves when the clerk says so: the first window closes, and logging out of it never closes the second', async () => {
    const h = await openHall();
    const first = await ok('login', h.login(1));
    const moved = await ok('login', h.login(2, { move: true }));
    expect(moved.window).toMatchObject({ number: 2, status: 'open', clerk: 'c01', post: 'B' });
    let w = await h.windows();
    expect([w.get(1)!.status, w.get(1)!.clerk]).toEqual(['closed', null]);

    // The page still open at window 1 logs out with its own session: window 2 stays open with c01.
    expect((await api(h.server.url, first.token).post('/api/auth/logout')).body).toEqual({ ok: true });
    w = await h.windows();
    expect([w.get(2)!.status, w.get(2)!.clerk]).toEqual(['open', 'c01']);
  });

  it('does not move away from a citizen: the move is refused while a ticket is called at the first window', async () => {
    const h = await openHall();
    const first = await ok('login', h.login(1));
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid('issue') }));
    await ok('callNext', api(h.server.url, first.token).post('/api/windows/1/call-next', { requestId: rid('call') }));
    await refused(h.login(2, { move: true }), 409, 'invalid_state');
    const w = await h.windows();
    expect([w.get(1)!.clerk, w.get(1)!.currentTicket !== null, w.get(2)!.status]).toEqual(['c01', true, 'closed']);
  });
});
