import { ApiError, NetworkError } from '@hallq/shared/client';
import { makeWindow } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { NOW, noShowTrace, settle, snapshot, testDesk, ticket } from '../../test-services';
import { traceView } from './selectors';

const view = (desk: ReturnType<typeof testDesk>) => {
  const { lookup, hall, feed } = desk.state();
  return traceView(lookup.trace!, hall, feed, new Date(NOW));
};

describe('查号', () => {
  it('asks for the tidied number with the guide token and tells its history: when, what, who, where', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    desk.api.ticketTrace.mockResolvedValue(noShowTrace());
    await desk.state().lookUp(' a 001 ');
    expect(desk.api.ticketTrace).toHaveBeenCalledWith({ token: 'tok-g01', params: { number: 'A001' } });
    expect(view(desk).history.map((h) => [h.what, h.actor, h.window])).toEqual([
      ['issued', { kind: 'kiosk', id: 'kiosk-1' }, null],
      ['called', { kind: 'staff', id: 'c03', name: null }, 3],
      ['recalled', { kind: 'staff', id: 'c03', name: null }, 3],
      ['markedNoShow', { kind: 'staff', id: 'c03', name: null }, 3],
    ]);
    expect(view(desk)).toMatchObject({ ticket: { state: 'no_show' }, position: null, reactivation: { allowed: true } });
  });

  it('does not ask about text that is no ticket number, and says when today has no such ticket', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    await desk.state().lookUp('张三');
    expect(desk.api.ticketTrace).not.toHaveBeenCalled();
    expect(desk.state().lookup).toMatchObject({ status: 'failed', failure: 'bad_number' });
    desk.api.ticketTrace.mockRejectedValueOnce(new ApiError(404, 'not_found', 'no ticket A999 today'));
    await desk.state().lookUp('A999');
    expect(desk.state().lookup).toMatchObject({ number: 'A999', failure: { code: 'not_found' } });
  });

  it("keeps a waiting ticket's place live from the feed: 第N位 moves up as the one ahead is called", async () => {
    const desk = testDesk({ loggedIn: true });
    const [a1, a2, a3] = [ticket('A001'), ticket('A002'), ticket('A003')];
    await desk.online(snapshot({ tickets: [a1, a2, a3] }));
    desk.api.ticketTrace.mockResolvedValue(noShowTrace({ ticket: a3, position: 3, history: [] }));
    await desk.state().lookUp('A003');
    expect(view(desk)).toMatchObject({ position: 3, servingWindows: [1, 2, 3], reactivation: null });
    desk.events({ type: 'ticket.called', ticket: { ...a1, state: 'called', window: 1, calls: 1 }, window: 1 });
    expect(view(desk).position).toBe(2);
  });

  it('says no window serves the type while none is open (暂无窗口), from the windows on the feed', async () => {
    const desk = testDesk({ loggedIn: true });
    const waiting = ticket('A001');
    await desk.online(snapshot({ tickets: [waiting] }));
    desk.api.ticketTrace.mockResolvedValue(noShowTrace({ ticket: waiting, position: 1 }));
    await desk.state().lookUp('A001');
    for (const n of [1, 2, 3]) desk.events({ type: 'window.updated', window: makeWindow(n, { status: 'closed' }) });
    expect(view(desk)).toMatchObject({ position: 1, servingWindows: [] });
  });

  it('reactivates once with the same requestId after a lost answer, and re-reads the trace when the feed shows it', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    desk.api.ticketTrace.mockResolvedValue(noShowTrace());
    await desk.state().lookUp('A001');
    desk.api.reactivateTicket.mockRejectedValueOnce(new NetworkError('timeout'));
    await desk.state().reactivate();
    expect(desk.state().reactivation).toMatchObject({ sending: false, failure: { code: 'network' } });
    const back = ticket('A001', { state: 'waiting', calls: 0 });
    desk.api.reactivateTicket.mockResolvedValueOnce({ ticket: back });
    await desk.state().reactivate();
    expect(desk.api.reactivateTicket.mock.calls.map(([input]) => input)).toEqual([
      { token: 'tok-g01', params: { number: 'A001' }, body: { requestId: 'request-1' } },
      { token: 'tok-g01', params: { number: 'A001' }, body: { requestId: 'request-1' } },
    ]);
    // The trace is asked again because the feed says the ticket changed, not because the desk acted.
    expect(desk.api.ticketTrace).toHaveBeenCalledTimes(1);
    desk.api.ticketTrace.mockResolvedValue(
      noShowTrace({
        ticket: back,
        position: 1,
        reactivation: { allowed: false, reason: 'only a no-show ticket can be reactivated' },
      }),
    );
    desk.events({ type: 'ticket.updated', ticket: back, previousState: 'no_show' });
    expect(view(desk)).toMatchObject({ ticket: { state: 'waiting' }, position: 1, reactivation: null });
    await settle();
    expect(desk.api.ticketTrace).toHaveBeenCalledTimes(2);
  });

  it("shows the rule's reason for a no-show it will not put back", async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    const reason = 'ticket A001 is from 2026-11-19; only a ticket of today (2026-11-20) can be reactivated';
    desk.api.ticketTrace.mockResolvedValue(noShowTrace({ reactivation: { allowed: false, reason } }));
    await desk.state().lookUp('A001');
    expect(view(desk).reactivation).toEqual({ allowed: false, reason });
  });

  it('never lets the answer to an earlier lookup replace a later one', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    let answerFirst: (v: ReturnType<typeof noShowTrace>) => void = () => undefined;
    desk.api.ticketTrace.mockImplementationOnce(() => new Promise((r) => (answerFirst = r)));
    desk.api.ticketTrace.mockResolvedValueOnce(noShowTrace({ ticket: ticket('A002') }));
    const first = desk.state().lookUp('A001');
    await desk.state().lookUp('A002');
    answerFirst(noShowTrace());
    await first;
    expect(desk.state().lookup.trace?.ticket.number).toBe('A002');
  });
});
