import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, demoHall, login, rid } from './harness';
import { ratingRigs, type Rig } from './rating-rig';

const rigs = ratingRigs();

/** A citizen called twice at window 1 and marked no-show (过号), as the clerk c01 does; the ticket's number. */
async function noShowAt1(h: Rig): Promise<string> {
  const c01 = await h.clerk('c01', 1);
  const issued = await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
  await ok('callNext', c01.post('/api/windows/1/call-next', { requestId: rid() }));
  await ok('recall', c01.post('/api/windows/1/recall', { requestId: rid() }));
  await ok('noShow', c01.post('/api/windows/1/no-show', { requestId: rid() }));
  return issued.ticket.number as string;
}

const desk = async (h: Rig, staffId = 'g01') =>
  api(h.server.url, await login(h.server.url, staffId, staffId === 'admin' ? 'admin' : 'demo'));

describe('the guide desk (导办台)', () => {
  it('a guide looks up a no-show, sees why it is where it is, and reactivates it; the clerk then calls it again', async () => {
    const h = await rigs.open();
    const number = await noShowAt1(h);
    const guide = await desk(h);

    const trace = await ok('ticketTrace', guide.get(`/api/tickets/${number}/trace`));
    expect(trace.ticket).toMatchObject({ number, state: 'no_show', window: 1 });
    expect(trace.position).toBeNull();
    expect(trace.servingWindows).toContain(1);
    expect(trace.reactivation).toEqual({ allowed: true, reason: null });
    expect(trace.history.map((e: { type: string; actor: string }) => [e.type, e.actor])).toEqual([
      ['ticket.issued', 'kiosk:kiosk-1'],
      ['ticket.called', 'staff:c01'],
      ['ticket.recalled', 'staff:c01'],
      ['ticket.markedNoShow', 'staff:c01'],
    ]);

    await ok('reactivateTicket', guide.post(`/api/tickets/${number}/reactivate`, { requestId: rid() }));
    const after = await ok('ticketTrace', guide.get(`/api/tickets/${number}/trace`));
    expect(after).toMatchObject({ position: 1, reactivation: { allowed: false } });
    expect(after.reactivation.reason).toMatch(/only a no-show ticket can be reactivated/);
    expect(after.history.at(-1)).toMatchObject({ type: 'ticket.reactivated', actor: 'staff:g01' });

    const c01 = await h.clerk('c01', 1);
    const again = await ok('callNext', c01.post('/api/windows/1/call-next', { requestId: rid() }));
    expect(again.ticket).toMatchObject({ number, state: 'called' });
  });

  it('a clerk, a chief representative and a device may not work the guide desk; the manager may', async () => {
    const h = await rigs.open();
    const number = await noShowAt1(h);
    const c01 = await h.clerk('c01', 1);
    const refusal = await refused(
      c01.post(`/api/tickets/${number}/reactivate`, { requestId: rid() }),
      403,
      'forbidden',
    );
    expect(refusal.message).toMatch(/needs a floor guide's or the manager's token .*; this is a clerk's token/);
    await refused(c01.get(`/api/tickets/${number}/trace`), 403, 'forbidden');
    await refused(c01.get('/api/appointments'), 403, 'forbidden');
    await refused((await desk(h, 'z01')).get(`/api/tickets/${number}/trace`), 403, 'forbidden');
    await refused(h.kiosk.get(`/api/tickets/${number}/trace`), 403, 'forbidden');
    await refused(api(h.server.url).get('/api/appointments'), 401, 'unauthorized');
    await ok(
      'reactivateTicket',
      (await desk(h, 'admin')).post(`/api/tickets/${number}/reactivate`, { requestId: rid() }),
    );
  });

  it('a guide cannot act at a window: no post to log in at, no window action', async () => {
    const h = await rigs.open();
    await h.clerk('c01', 1);
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    const atWindow = await refused(
      api(h.server.url).post('/api/auth/login', { staffId: 'g01', password: 'demo', window: 1 }),
      403,
      'forbidden',
    );
    expect(atWindow.message).toMatch(/g01 holds neither the A nor the B post of window 1/);
    const guide = await desk(h);
    await refused(guide.post('/api/windows/1/call-next', { requestId: rid() }), 403, 'forbidden');
  });

  it('a hall without a staffed guide desk may let its clerks reactivate (policy.clerksAtGuideDesk)', async () => {
    const demo = demoHall();
    const h = await rigs.open({ hall: { ...demo, policy: { ...demo.policy, clerksAtGuideDesk: true } } });
    const number = await noShowAt1(h);
    const c01 = await h.clerk('c01', 1);
    await ok('reactivateTicket', c01.post(`/api/tickets/${number}/reactivate`, { requestId: rid() }));
  });

  it("lists the day's appointments by slot, without ID numbers, and shows the ticket once one is checked in", async () => {
    const h = await rigs.open();
    const guide = await desk(h);
    const later = await ok(
      'createAppointment',
      guide.post('/api/appointments', {
        requestId: rid(),
        windowType: 'personal',
        slotStart: '2025-06-11T11:00:00+08:00',
        idNumber: '540102199001011234',
      }),
    );
    const soon = await ok(
      'createAppointment',
      guide.post('/api/appointments', {
        requestId: rid(),
        windowType: 'personal',
        slotStart: '2025-06-11T10:10:00+08:00',
      }),
    );
    const checkedIn = await ok(
      'issueTicket',
      guide.post('/api/tickets', { requestId: rid(), appointmentCode: soon.code }),
    );
    const { appointments } = await ok('appointments', guide.get('/api/appointments'));
    expect(appointments).toEqual([
      { ...soon, byIdCard: false, ticketNumber: checkedIn.ticket.number },
      { ...later, byIdCard: true },
    ]);
    expect(JSON.stringify(appointments)).not.toContain('540102199001011234');
  });

  it('an unknown ticket number is 404 and a malformed one names the field', async () => {
    const h = await rigs.open();
    const guide = await desk(h);
    await refused(guide.get('/api/tickets/A999/trace'), 404, 'not_found');
    const bad = await refused(guide.get('/api/tickets/a1/trace'), 400, 'validation_failed');
    expect(bad.fields).toEqual([{ path: 'number', message: expect.stringContaining('A001') }]);
  });
});

// The written notices are printed in it: the kiosk sends the language of its screen with the ticket.
describe("a ticket's language", () => {
  it("a ticket keeps the language it was taken in (for its written notices), one of the hall's", async () => {
    const h = await rigs.open();
    const issued = await ok(
      'issueTicket',
      h.kiosk.post('/api/tickets', { windowType: 'personal', language: 'bo', requestId: rid() }),
    );
    expect(issued.ticket.language).toBe('bo');
    const plain = await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    expect(plain.ticket.language).toBe('zh');
    const refusal = await refused(
      h.kiosk.post('/api/tickets', { windowType: 'personal', language: 'mn', requestId: rid() }),
      400,
      'validation_failed',
    );
    expect(refusal.fields).toEqual([{ path: 'language', message: expect.stringContaining('"mn"') }]);
  });
});
