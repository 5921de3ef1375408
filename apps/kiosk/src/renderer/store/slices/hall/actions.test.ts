import { NetworkError } from '@hallq/shared/client';
import type { EventEnvelope, QueueInfo } from '@hallq/shared/contracts';
import { makeEnvelope, makeSnapshot } from '@hallq/shared/testing';
import { describe, expect, it } from 'vitest';
import { demoHall, queue, testKiosk } from '../../test-services';
import { liveQueues } from './selectors';

const queuesUpdated = (seq: number, queues: QueueInfo[]): EventEnvelope =>
  makeEnvelope(seq, { type: 'queues.updated', queues }, '2025-05-06T02:00:00.000Z');

const queuesResponse = (queues: QueueInfo[]) => ({
  hallDay: '2025-05-06',
  generatedAt: '2025-05-06T02:00:00.000Z',
  queues,
  emptyPosts: [],
});

describe('the live queues', () => {
  it('take the snapshot, then apply queues.updated in seq order', () => {
    const kiosk = testKiosk();
    kiosk.realtime.handlers!.snapshot(
      makeSnapshot({ seq: 10, hallDay: '2025-05-06', queues: [queue('personal', { waiting: 1 })] }),
    );
    kiosk.realtime.handlers!.events([queuesUpdated(11, [queue('personal', { waiting: 2 })])]);
    expect(kiosk.state().feed?.seq).toBe(11);
    expect(liveQueues(kiosk.state())).toMatchObject([{ windowType: 'personal', waiting: 2 }]);
    expect(kiosk.realtime.resync).not.toHaveBeenCalled();
  });

  it('skip events already seen', () => {
    const kiosk = testKiosk();
    kiosk.realtime.handlers!.snapshot(makeSnapshot({ seq: 5, queues: [queue('personal', { waiting: 4 })] }));
    kiosk.realtime.handlers!.events([queuesUpdated(5, [queue('personal', { waiting: 9 })])]);
    expect(liveQueues(kiosk.state())[0]!.waiting).toBe(4);
  });

  it('ask for a snapshot on a gap in seq, keeping the last data meanwhile', () => {
    const kiosk = testKiosk();
    kiosk.realtime.handlers!.snapshot(makeSnapshot({ seq: 5, queues: [queue('personal', { waiting: 4 })] }));
    kiosk.realtime.handlers!.events([queuesUpdated(7, [queue('personal', { waiting: 9 })])]);
    expect(kiosk.realtime.resync).toHaveBeenCalledTimes(1);
    expect(kiosk.state()).toMatchObject({ resyncing: true, feed: { seq: 5 } });
    expect(liveQueues(kiosk.state())).toMatchObject([{ waiting: 4 }]);
    kiosk.realtime.handlers!.events([queuesUpdated(8, [])]);
    expect(kiosk.realtime.resync).toHaveBeenCalledTimes(1);
  });

  it('show the connection state, keeping the queues when disconnected', () => {
    const kiosk = testKiosk();
    const before = liveQueues(kiosk.state());
    kiosk.realtime.handlers!.connection('disconnected');
    expect(kiosk.state().connection).toBe('disconnected');
    expect(liveQueues(kiosk.state())).toBe(before);
  });
});

describe('loading the hall', () => {
  it('fills the tiles from GET /api/queues while the feed has no snapshot yet, then follows the feed', async () => {
    const kiosk = testKiosk();
    kiosk.store.setState({ feed: null });
    kiosk.api.hall.mockResolvedValue(demoHall());
    kiosk.api.queues.mockResolvedValue(queuesResponse([queue('personal', { waiting: 3 })]));
    await kiosk.state().loadHall();
    expect(liveQueues(kiosk.state())).toMatchObject([{ windowType: 'personal', waiting: 3 }]);

    kiosk.realtime.handlers!.snapshot(makeSnapshot({ seq: 20, queues: [queue('personal', { waiting: 5 })] }));
    expect(liveQueues(kiosk.state())).toMatchObject([{ windowType: 'personal', waiting: 5 }]);
  });

  it('keeps the feed’s queues over those of a GET that answers after the first snapshot', async () => {
    const kiosk = testKiosk();
    kiosk.realtime.handlers!.snapshot(makeSnapshot({ seq: 20, queues: [queue('personal', { waiting: 5 })] }));
    kiosk.api.hall.mockResolvedValue(demoHall());
    kiosk.api.queues.mockResolvedValue(queuesResponse([queue('personal', { waiting: 1 })]));
    await kiosk.state().loadHall();
    expect(liveQueues(kiosk.state())).toMatchObject([{ windowType: 'personal', waiting: 5 }]);
  });

  it('says the hall is unavailable when it cannot be loaded, and tries again 5 s later', async () => {
    const kiosk = testKiosk();
    kiosk.api.hall.mockRejectedValueOnce(new NetworkError('down'));
    await kiosk.state().loadHall();
    expect(kiosk.state().hallStatus).toBe('failed');

    kiosk.api.hall.mockResolvedValue(demoHall());
    kiosk.api.queues.mockResolvedValue(queuesResponse([]));
    kiosk.advance(4_000);
    expect(kiosk.api.hall).toHaveBeenCalledTimes(1);
    kiosk.advance(1_000);
    await new Promise((r) => setTimeout(r, 0));
    expect(kiosk.api.hall).toHaveBeenCalledTimes(2);
    expect(kiosk.state().hallStatus).toBe('loaded');
  });
});
