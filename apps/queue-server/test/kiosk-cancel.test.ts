import { describe, expect, it } from 'vitest';
import type { HallConfig } from '@hallq/shared/contracts';
import { hashDeviceKey } from '@hallq/hall-file';
import { ok, refused } from './expect-reply';
import { KIOSK_KEY, api, demoHall, hallPerTest, rid } from './harness';

const halls = hallPerTest();

const OTHER_KIOSK_KEY = 'second-kiosk-key';

/** The demo hall with a second kiosk on another key. */
function hallWithTwoKiosks(): HallConfig {
  const hall = demoHall();
  return {
    ...hall,
    devices: {
      ...hall.devices,
      kiosks: [
        ...hall.devices.kiosks,
        {
          id: 'kiosk-2',
          name: '二楼取号机',
          zone: hall.devices.kiosks[0]!.zone,
          keyHash: hashDeviceKey(OTHER_KIOSK_KEY),
        },
      ],
    },
  };
}

async function openHall() {
  const { server, clock, kiosk } = await halls.open({ hall: hallWithTwoKiosks() });
  const otherKiosk = api(server.url, OTHER_KIOSK_KEY);
  const issue = (by = kiosk) =>
    ok('issueTicket', by.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
  const cancel = (by: ReturnType<typeof api>, number: string) =>
    by.post(`/api/tickets/${number}/cancel`, { requestId: rid(), reason: 'print_failed' });
  const clerk = async (staffId: string, window: number) => {
    const res = await ok('login', api(server.url).post('/api/auth/login', { staffId, password: 'demo', window }));
    return api(server.url, res.token);
  };
  const windowDetail = (n: number) => ok('window', api(server.url, KIOSK_KEY).get(`/api/windows/${n}`));
  return { server, clock, kiosk, otherKiosk, issue, cancel, clerk, windowDetail };
}

describe('a kiosk cancels only its own fresh, waiting number', () => {
  it('cancels the number it has just issued (a failed print)', async () => {
    const h = await openHall();
    const a1 = await h.issue();
    h.clock.advanceMinutes(2);
    const cancelled = await ok('cancelTicket', h.cancel(h.kiosk, a1.ticket.number));
    expect(cancelled.ticket).toMatchObject({ number: 'A001', state: 'cancelled' });
  });

  it("refuses another kiosk's number with forbidden", async () => {
    const h = await openHall();
    const a1 = await h.issue(h.otherKiosk);
    const error = await refused(h.cancel(h.kiosk, a1.ticket.number), 403, 'forbidden');
    expect(error.message).toMatch(/A001 was not issued at this kiosk; only staff may cancel it/);
    // The issuing kiosk still may.
    await ok('cancelTicket', h.cancel(h.otherKiosk, a1.ticket.number));
  });

  it('refuses a number already called at a window with invalid_state, and the window keeps it', async () => {
    const h = await openHall();
    const a1 = await h.issue();
    const c02 = await h.clerk('c02', 2);
    await ok('callNext', c02.post('/api/windows/2/call-next', { requestId: rid() }));
    const error = await refused(h.cancel(h.kiosk, a1.ticket.number), 409, 'invalid_state');
    expect(error.message).toMatch(/A001 is called at window 2; a kiosk cancels only a waiting ticket/);
    const window = await h.windowDetail(2);
    expect(window.state.currentTicket).toBe(a1.ticket.id);
    expect(window.current).toMatchObject({ number: 'A001', state: 'called' });
  });

  it('refuses its own number issued more than 10 minutes ago', async () => {
    const h = await openHall();
    const a1 = await h.issue();
    h.clock.advanceMinutes(11);
    const error = await refused(h.cancel(h.kiosk, a1.ticket.number), 403, 'forbidden');
    expect(error.message).toMatch(/A001 was issued more than 10 minutes ago; only staff may cancel it now/);
  });

  it('leaves staff cancelling any number, old or called, as before', async () => {
    const h = await openHall();
    const a1 = await h.issue(h.otherKiosk);
    const a2 = await h.issue();
    h.clock.advanceMinutes(30);
    const c02 = await h.clerk('c02', 2);
    await ok('callNext', c02.post('/api/windows/2/call-next', { requestId: rid() }));
    expect((await ok('cancelTicket', h.cancel(c02, a1.ticket.number))).ticket.state).toBe('cancelled');
    expect((await h.windowDetail(2)).state.currentTicket).toBeNull();
    expect((await ok('cancelTicket', h.cancel(c02, a2.ticket.number))).ticket.state).toBe('cancelled');
  });
});
