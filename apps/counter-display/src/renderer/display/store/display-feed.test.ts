import { NetworkError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { type Announcement, announceFreshCalls, createAnnouncer } from '../../voice/announcer';
import { createDisplayStore } from './create-display-store';
import { callBoard } from './slices/feed/selectors';
import { called, envelope, hall, queue, snapshot, testServices, ticket } from './test-services';

/** A hall display whose announcer records what it starts to say. */
function testDisplay() {
  const announced: Announcement[] = [];
  const announcer = createAnnouncer({ play: async () => {} }, (a) => announced.push(a));
  const { services, realtime } = testServices({ onFresh: announceFreshCalls(announcer) });
  const audio = { blocked: () => false, onBlockedChange: () => {}, unlock: async () => {} };
  const store = createDisplayStore({ ...services, audio });
  store.getState().connectFeed(realtime);
  return { store, realtime, announcer, announced, services };
}

const recentCall = (number: string, window: number, at = '2025-05-06T01:00:00.000Z') => ({
  number,
  window,
  at,
  recall: false,
});

describe('the hall display feed', () => {
  it('shows the snapshot on connecting without saying any of its calls', async () => {
    const display = testDisplay();
    display.realtime.handlers!.snapshot(snapshot({ recentCalls: [recentCall('A001', 3)] }));
    await display.announcer.idle();
    expect(display.store.getState().feed?.recentCalls).toHaveLength(1);
    expect(display.announced).toEqual([]);
  });

  it('says each fresh call after the snapshot, in order', async () => {
    const display = testDisplay();
    display.realtime.handlers!.snapshot(snapshot({ seq: 10 }));
    display.realtime.handlers!.events([called(11, 'A001', 3), called(12, 'B001', 6)]);
    await display.announcer.idle();
    expect(display.announced.map((a) => `${a.number}→${a.window}`)).toEqual(['A001→3', 'B001→6']);
  });

  it('does not say old calls again after a reconnect: the new snapshot and replayed events are history', async () => {
    const display = testDisplay();
    display.realtime.handlers!.snapshot(snapshot({ seq: 10 }));
    display.realtime.handlers!.events([called(11, 'A001', 3)]);
    display.realtime.handlers!.connection('disconnected');
    display.realtime.handlers!.snapshot(
      snapshot({ seq: 12, recentCalls: [recentCall('A002', 4), recentCall('A001', 3)] }),
    );
    display.realtime.handlers!.events([called(11, 'A001', 3), called(12, 'A002', 4), called(13, 'A003', 5)]);
    await display.announcer.idle();
    expect(display.announced.map((a) => a.number)).toEqual(['A001', 'A003']);
  });

  it('ignores events before the first snapshot', async () => {
    const display = testDisplay();
    display.realtime.handlers!.events([called(11, 'A001', 3)]);
    await display.announcer.idle();
    expect(display.announced).toEqual([]);
    expect(display.store.getState().feed).toBeNull();
  });

  it('asks for a snapshot on a gap in seq and says nothing it missed', async () => {
    const display = testDisplay();
    display.realtime.handlers!.snapshot(snapshot({ seq: 10 }));
    display.realtime.handlers!.events([called(12, 'A001', 3)]);
    expect(display.realtime.resync).toHaveBeenCalledTimes(1);
    display.realtime.handlers!.events([called(13, 'A002', 3)]);
    display.realtime.handlers!.snapshot(snapshot({ seq: 13 }));
    await display.announcer.idle();
    expect(display.announced).toEqual([]);
    expect(display.store.getState().resyncing).toBe(false);
  });

  it('takes a no-show off the current call at once, moving no older call up to be shown as calling now', () => {
    const display = testDisplay();
    display.realtime.handlers!.snapshot(snapshot({ seq: 10 }));
    display.realtime.handlers!.events([called(11, 'A001', 4), called(12, 'A002', 3)]);
    const board = () => {
      const { feed, noShows } = display.store.getState();
      return callBoard(feed, 6, noShows);
    };
    expect(board().latest?.number).toBe('A002');
    display.realtime.handlers!.events([
      envelope(13, {
        type: 'ticket.updated',
        ticket: ticket('A002', { state: 'no_show', calls: 2 }),
        previousState: 'called',
      }),
    ]);
    expect(board()).toEqual({ latest: null, history: [recentCall('A001', 4, '2025-05-06T02:00:00.000Z')] });
    // Reactivated and called at window 3 again: a new call, shown as the current one.
    display.realtime.handlers!.events([
      envelope(14, {
        type: 'ticket.updated',
        ticket: ticket('A002', { state: 'waiting', window: null }),
        previousState: 'no_show',
      }),
    ]);
    display.realtime.handlers!.events([{ ...called(15, 'A002', 3), at: '2025-05-06T02:05:00.000Z' }]);
    expect(board().latest).toMatchObject({ number: 'A002', window: 3 });
  });

  it('takes a no-show off the history too, and still after a reconnection', () => {
    const display = testDisplay();
    display.realtime.handlers!.snapshot(snapshot({ seq: 10 }));
    display.realtime.handlers!.events([called(11, 'A001', 4), called(12, 'A002', 3)]);
    display.realtime.handlers!.events([
      envelope(13, {
        type: 'ticket.updated',
        ticket: ticket('A001', { state: 'no_show', window: 4 }),
        previousState: 'called',
      }),
    ]);
    display.realtime.handlers!.connection('disconnected');
    display.realtime.handlers!.snapshot(snapshot({ seq: 13, recentCalls: display.store.getState().feed!.recentCalls }));
    const { feed, noShows } = display.store.getState();
    expect(callBoard(feed, 6, noShows)).toMatchObject({ latest: { number: 'A002' }, history: [] });
  });

  it('keeps the last state while disconnected', () => {
    const display = testDisplay();
    display.realtime.handlers!.snapshot(snapshot({ queues: [queue('personal', { waiting: 4 })] }));
    display.realtime.handlers!.connection('disconnected');
    display.realtime.handlers!.events([envelope(11, { type: 'queues.updated', queues: [] })]);
    expect(display.store.getState()).toMatchObject({ connection: 'disconnected', feed: { seq: 11, queues: [] } });
  });

  it('retries loading the hall until the server answers', async () => {
    const { services, client } = testServices();
    client.hall.mockRejectedValueOnce(new NetworkError('offline')).mockResolvedValueOnce(hall());
    const store = createDisplayStore({
      ...services,
      audio: { blocked: () => false, onBlockedChange: () => {}, unlock: async () => {} },
    });
    await store.getState().loadHall();
    expect(services.delay).toHaveBeenCalledTimes(1);
    expect(store.getState().hall?.name.zh).toBe('测试政务服务大厅');
  });
});
