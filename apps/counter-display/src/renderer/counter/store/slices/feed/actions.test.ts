import { describe, expect, it } from 'vitest';
import { availability, currentTicket } from '../desk/selectors';
import { envelope, queue, settle, snapshot, testCounter, ticket, windowState, withCurrent } from '../../test-services';
import { queueRows } from './selectors';

const called = ticket({ state: 'called', calls: 1, window: 3, clerk: 'c03' });

describe('the live feed', () => {
  it('joins the window room with the clerk’s token', () => {
    const panel = testCounter();
    expect(panel.connectRealtime).toHaveBeenCalledWith(3, 'token-c03');
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '离线' });
  });

  it('offline disables actions and the reconnect snapshot restores state', async () => {
    const panel = testCounter();
    panel.online();
    expect(availability(panel.state(), 'callNext').enabled).toBe(true);
    panel.realtime.handlers!.connection('disconnected');
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '离线' });
    panel.state().press('callNext');
    expect(panel.api.callNext).not.toHaveBeenCalled();
    // While offline another post called A001 here; the reconnect's snapshot says so.
    panel.realtime.handlers!.connection('connected');
    panel.realtime.handlers!.snapshot(withCurrent(called, { seq: 42 }));
    expect(panel.state().connection).toBe('connected');
    expect(currentTicket(panel.state())?.number).toBe('A001');
    expect(availability(panel.state(), 'recall').enabled).toBe(true);
    await settle();
    expect(panel.api.window).not.toHaveBeenCalled(); // the snapshot is all there is to know
  });

  it('a gap triggers a resync and ignores events until the fresh snapshot', () => {
    const panel = testCounter();
    panel.online(snapshot({ seq: 10 }));
    panel.realtime.handlers!.events([
      envelope(12, { type: 'queues.updated', queues: [queue('personal', { waiting: 5 })] }),
    ]);
    expect(panel.realtime.resync).toHaveBeenCalledTimes(1);
    expect(panel.state().resyncing).toBe(true);
    expect(availability(panel.state(), 'callNext')).toEqual({ enabled: false, reason: '离线' });
    panel.realtime.handlers!.events([envelope(13, { type: 'empty_post', windowType: 'personal', active: true })]);
    expect(panel.state().feed!.emptyPosts).toEqual([]);
    panel.realtime.handlers!.snapshot(snapshot({ seq: 13, queues: [queue('personal', { waiting: 5 })] }));
    expect(panel.state()).toMatchObject({ resyncing: false, feed: { seq: 13, queues: [{ waiting: 5 }] } });
    expect(panel.realtime.resync).toHaveBeenCalledTimes(1);
  });

  it('learns the next numbers from the stream alone, asking the server nothing', async () => {
    const panel = testCounter();
    panel.online();
    panel.stream(
      { type: 'ticket.issued', ticket: ticket({ id: 'id-E001', number: 'E001', windowType: 'tax' }) },
      { type: 'ticket.issued', ticket: ticket({ id: 'id-A002', number: 'A002', sequence: 2, rank: 2 }) },
    );
    await settle();
    expect(queueRows(panel.state()).map((r) => [r.code, r.next.map((t) => t.number)])).toEqual([
      ['personal', ['A002']],
    ]);
    panel.stream({
      type: 'ticket.called',
      ticket: ticket({ id: 'id-A002', number: 'A002', sequence: 2, state: 'called', calls: 1, window: 5 }),
      window: 5,
    });
    expect(queueRows(panel.state())[0]!.next).toEqual([]);
    expect(panel.api.window).not.toHaveBeenCalled();
  });

  it('puts a ticket handed to one of the window’s types ahead of those who took a ticket for it', () => {
    const panel = testCounter();
    const early = ticket({ id: 'id-A002', number: 'A002', sequence: 2, rank: 2 });
    panel.online(snapshot({ tickets: [early] }));
    const handed = ticket({
      id: 'id-E001',
      number: 'E001',
      windowType: 'personal',
      state: 'transferred',
      rank: 99,
      transfer: { fromWindow: 12, toWindowType: 'personal' },
    });
    panel.stream({ type: 'ticket.updated', ticket: handed, previousState: 'serving' });
    expect(queueRows(panel.state())[0]!.next.map((t) => t.number)).toEqual(['E001', 'A002']);
  });

  it('shows who holds the window after the B post takes over', () => {
    const panel = testCounter();
    panel.online();
    panel.stream({ type: 'window.updated', window: windowState({ clerk: 'c02', post: 'B' }) });
    expect(panel.state().feed!.windows[0]).toMatchObject({ clerk: 'c02', post: 'B' });
    expect(availability(panel.state(), 'callNext').reason).toBe('已由 c02 值守');
  });

  it('goes back to the login form when the server no longer accepts the token', () => {
    const panel = testCounter();
    panel.online();
    panel.realtime.handlers!.connection('unauthorized');
    expect(panel.state()).toMatchObject({ session: null, feed: null });
    expect(panel.state().sessionNotice).toContain('重新登录');
  });
});
