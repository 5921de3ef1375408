import type {
  EventEnvelope,
  HallEvent,
  PublicHall,
  RatingRecord,
  RatingRequest,
  Snapshot,
} from '@hallq/shared/contracts';
import {
  fakeHallClient,
  fakeRealtime,
  makeEnvelope,
  makePublicHall,
  makeRatingRecord,
  makeRatingRequest,
  makeSnapshot,
} from '@hallq/shared/testing';
import { createPadStore } from './create-pad-store';
import type { PadServices } from './types';

export const PAD_WINDOW = 3;

/** A small hall as GET /api/hall answers it: what the pad reads of it. */
export function testHall(over: Partial<PublicHall> = {}): PublicHall {
  return makePublicHall({
    name: { zh: '测试政务服务中心', en: 'Test hall' },
    languages: ['zh', 'bo', 'en'],
    windowTypes: [],
    windows: [
      {
        number: 3,
        name: { zh: '3号窗口', en: 'Window 3' },
        zone: '一楼',
        floor: 1,
        serves: [],
        callMode: 'preference',
        department: 'office',
      },
    ],
    ratingReasons: [
      { code: 'long_wait', name: { zh: '等候时间太长', en: 'Waited too long' } },
      { code: 'attitude', name: { zh: '服务态度不好', en: 'Unfriendly service' } },
    ],
    ...over,
  });
}

const AT = '2025-05-06T02:00:00.000Z';

export const ratingRequest = (over: Partial<RatingRequest> = {}): RatingRequest =>
  makeRatingRequest({ window: PAD_WINDOW, requestedAt: AT, expiresAt: '2025-05-06T02:01:00.000Z', ...over });

export const ratingRecord = (over: Partial<RatingRecord> = {}): RatingRecord =>
  makeRatingRecord({
    hallDay: '2025-05-06',
    window: PAD_WINDOW,
    windowType: 'personal',
    requestedAt: AT,
    recordedAt: '2025-05-06T02:01:00.000Z',
    ...over,
  });

export const snapshot = (over: Partial<Snapshot> = {}): Snapshot => makeSnapshot({ hallDay: '2025-05-06', ...over });

export const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, AT);

/** A pad at window 3 over fakes, connected, with the hall loaded and a hand-driven clock. */
export function testPad(hall: PublicHall = testHall()) {
  const client = fakeHallClient();
  const realtime = fakeRealtime();
  const clock = { now: 1_000_000 };
  let ids = 0;
  const services: PadServices = {
    client,
    window: PAD_WINDOW,
    now: () => clock.now,
    newRequestId: () => `request-${++ids}`,
  };
  const store = createPadStore(services);
  store.setState({ hall, hallStatus: 'loaded' });
  store.getState().connectFeed(realtime);
  /** Moves the clock and runs the heartbeat. */
  const advance = (ms: number) => {
    clock.now += ms;
    store.getState().tick();
  };
  return {
    store,
    /** POST /api/ratings/:id, as the test answers it. */
    submitRating: client.submitRating,
    realtime,
    clock,
    advance,
    state: () => store.getState(),
    handlers: () => realtime.handlers!,
  };
}
