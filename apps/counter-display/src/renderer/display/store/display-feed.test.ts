import { NetworkError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { type Announcement, announceFreshCalls, createAnnouncer } from '../../voice/announcer';
import { createDisplayStore } from './create-display-store';
import { called, envelope, hall, queue, snapshot, testServices } from './test-services';

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

const recentCall = (number: string, window: number) => ({
  number,
  window,
  at: '2025-05-06T01:00:00.000Z',
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
