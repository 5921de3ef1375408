import type { EventEnvelope, QueueInfo } from '@hallq/shared/contracts';
import { describe, expect, it } from 'vitest';
import { makeEnvelope, makeSnapshot } from '@hallq/shared/testing';
import { queue, testKiosk } from '../../test-services';

const queuesUpdated = (seq: number, queues: QueueInfo[]): EventEnvelope =>
  makeEnvelope(seq, { type: 'queues.updated', queues }, '2025-05-06T02:00:00.000Z');

describe('the live queues', () => {
  it('take the snapshot, then apply queues.updated in seq order', () => {
    const kiosk = testKiosk();
    kiosk.state().connect();
    kiosk.realtime.handlers!.snapshot(
      makeSnapshot({ hallDay: '2025-05-06', queues: [queue('personal', { waiting: 1 })] }),
    );
    kiosk.realtime.handlers!.events([queuesUpdated(11, [queue('personal', { waiting: 2 })])]);
    expect(kiosk.state()).toMatchObject({ seq: 11, queues: [{ windowType: 'personal', waiting: 2 }] });
    expect(kiosk.realtime.resync).not.toHaveBeenCalled();
  });

  it('skip events already seen', () => {
    const kiosk = testKiosk();
    kiosk.store.setState({ seq: 5, queues: [queue('personal', { waiting: 4 })] });
    kiosk.state().applyEvents([queuesUpdated(5, [queue('personal', { waiting: 9 })])]);
    expect(kiosk.state().queues[0]!.waiting).toBe(4);
  });

  it('ask for a snapshot on a gap in seq, keeping the last data meanwhile', () => {
    const kiosk = testKiosk();
    kiosk.store.setState({ seq: 5, queues: [queue('personal', { waiting: 4 })] });
    kiosk.state().applyEvents([queuesUpdated(7, [queue('personal', { waiting: 9 })])]);
    expect(kiosk.realtime.resync).toHaveBeenCalledTimes(1);
    expect(kiosk.state()).toMatchObject({ seq: 5, resyncing: true, queues: [{ waiting: 4 }] });
    kiosk.state().applyEvents([queuesUpdated(8, [])]);
    expect(kiosk.realtime.resync).toHaveBeenCalledTimes(1);
  });

  it('show the connection state, keeping the queues when disconnected', () => {
    const kiosk = testKiosk();
    kiosk.state().connect();
    const before = kiosk.state().queues;
    kiosk.realtime.handlers!.connection('disconnected');
    expect(kiosk.state()).toMatchObject({ connection: 'disconnected', queues: before });
  });
});
