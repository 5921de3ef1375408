import { describe, expect, it, vi } from 'vitest';
import { TicketStatus } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { api, connectStatus, hallPerTest, login, rid, until } from './harness';

const halls = hallPerTest();

async function openHall() {
  const { server, clock, kiosk } = await halls.open();
  const issue = async (windowType = 'personal') => {
    clock.advanceMs(1000);
    return ok('issueTicket', kiosk.post('/api/tickets', { windowType, requestId: rid('issue') }));
  };
  const phone = async (statusToken: string) => {
    const c = halls.keep(await connectStatus(server.url, statusToken));
    for (const s of c.statuses) TicketStatus.parse(s);
    return c;
  };
  const clerk = async (staffId: string, window: number) => {
    const client = api(server.url, await login(server.url, staffId, 'demo', window));
    return (action: string, body: Record<string, unknown> = {}) =>
      ok('callNext', client.post(`/api/windows/${window}/${action}`, { requestId: rid(action), ...body }));
  };
  const status = (token: string) => ok('ticketStatus', api(server.url).get(`/api/tickets/status/${token}`));
  return { server, clock, kiosk, issue, phone, clerk, status };
}

describe('the phone page’s status room', () => {
  it('gets the ticket’s status on connecting, the same as the status route, and no snapshot or events', async () => {
    const h = await openHall();
    await h.issue();
    const a2 = await h.issue();
    const phone = await h.phone(a2.statusToken);
    expect(phone.statuses).toEqual([await h.status(a2.statusToken)]);
    expect(phone.statuses[0]).toMatchObject({ number: 'A002', state: 'waiting', peopleAhead: 1, window: null });

    await h.issue('tax'); // a hall event all displays receive
    const cancel = await ok(
      'giveUpTicket',
      api(h.server.url).post(`/api/tickets/status/${a2.statusToken}/cancel`, { requestId: rid() }),
    );
    await until(() => phone.statuses.length === 2);
    expect(phone.statuses[1]).toEqual(cancel);
    expect(phone.statuses[1]).toMatchObject({ state: 'cancelled', peopleAhead: null });
    expect(phone.other).toEqual([]);
  });

  it('is told once that its ticket has expired when the hall day it was issued for is over', async () => {
    const h = await openHall();
    const a1 = await h.issue();
    const phone = await h.phone(a1.statusToken);
    expect(phone.statuses[0]).toMatchObject({ state: 'waiting', expired: false });

    h.clock.advanceMs(24 * 60 * 60 * 1000); // the next morning, the ticket never called
    await h.issue(); // the new day's first change
    await until(() => phone.statuses.length === 2);
    expect(phone.statuses[1]).toMatchObject({ number: 'A001', state: 'waiting', expired: true, peopleAhead: null });
    expect(await h.status(a1.statusToken)).toEqual(phone.statuses[1]);
    await h.issue();
    await new Promise((r) => setTimeout(r, 100));
    expect(phone.statuses).toHaveLength(2);
  });

  it('is told when its ticket is called, at which window, and of each recall', async () => {
    const h = await openHall();
    const a1 = await h.issue();
    const phone = await h.phone(a1.statusToken);
    const c02 = await h.clerk('c02', 2);
    await c02('call-next');
    await until(() => phone.statuses.at(-1)?.state === 'called');
    expect(phone.statuses.at(-1)).toMatchObject({ state: 'called', window: 2, calls: 1, peopleAhead: null });
    await c02('recall');
    await until(() => phone.statuses.at(-1)?.calls === 2);
    expect(phone.statuses.at(-1)).toEqual(await h.status(a1.statusToken));
  });

  it('sees peopleAhead fall as the people ahead are called, each change once', async () => {
    const h = await openHall();
    await h.issue(); // A001
    await h.issue(); // A002
    const a3 = await h.issue();
    const phone = await h.phone(a3.statusToken);
    expect(phone.statuses[0]).toMatchObject({ peopleAhead: 2, estimatedWaitMinutes: null });

    const c01 = await h.clerk('c01', 1); // a window opens: now there is an estimate
    await until(() => phone.statuses.at(-1)?.estimatedWaitMinutes === 16);
    await c01('call-next');
    await until(() => phone.statuses.at(-1)?.peopleAhead === 1);
    await c01('start'); // changes nothing the phone shows
    h.clock.advanceMinutes(6);
    await c01('finish', { outcome: { kind: 'completed' } }); // the day's first service time: 6 minutes
    await until(() => phone.statuses.at(-1)?.estimatedWaitMinutes === 6);
    await c01('call-next');
    await until(() => phone.statuses.at(-1)?.peopleAhead === 0);
    await c01('recall'); // A002's calls change, nothing of A003's
    await c01('start');
    h.clock.advanceMinutes(4);
    await c01('finish', { outcome: { kind: 'completed' } }); // nobody ahead: still 0 minutes
    await c01('call-next');
    await until(() => phone.statuses.at(-1)?.state === 'called');

    expect(phone.statuses.map((s) => [s.state, s.peopleAhead, s.estimatedWaitMinutes])).toEqual([
      ['waiting', 2, null],
      ['waiting', 2, 16],
      ['waiting', 1, 8],
      ['waiting', 1, 6],
      ['waiting', 0, 0],
      ['called', null, null],
    ]);
  });

  it('is sent nothing for a batch that cannot change its ticket, or changes nothing it shows', async () => {
    const h = await openHall();
    const a1 = await h.issue();
    const phone = await h.phone(a1.statusToken);
    await h.issue('tax'); // another window type
    await h.clerk('c09', 9); // a window that does not serve personal
    await h.issue('personal'); // behind A001: recomputed, unchanged
    // A change that is sent: everything before it has been dealt with, in order.
    await ok('cancelTicket', h.kiosk.post('/api/tickets/A001/cancel', { requestId: rid() }));
    await until(() => phone.statuses.length === 2);
    expect(phone.statuses.map((s) => s.state)).toEqual(['waiting', 'cancelled']);
  });

  it('a hundred phones: one computation per batch, each room one message, and two phones of one ticket both hear', async () => {
    const h = await openHall();
    const issued = [];
    for (let i = 0; i < 100; i++) issued.push(await h.issue());
    const phones = await Promise.all(issued.map((t) => h.phone(t.statusToken)));
    const twin = await h.phone(issued[50]!.statusToken);
    const c01 = await h.clerk('c01', 1);
    await until(() => phones[99]!.statuses.length === 2); // the window opened: estimates for everyone

    const computed = vi.spyOn(h.server.services.tickets, 'statuses');
    await c01('call-next');
    await until(() => phones.every((p) => p.statuses.length === 3) && twin.statuses.length === 3);
    expect(computed).toHaveBeenCalledTimes(1);
    expect(phones[0]!.statuses.at(-1)).toMatchObject({ state: 'called', window: 1 });
    phones.slice(1).forEach((p, i) => expect(p.statuses.at(-1)?.peopleAhead).toBe(i));
    expect(twin.statuses.at(-1)).toEqual(phones[50]!.statuses.at(-1));
  });
});
