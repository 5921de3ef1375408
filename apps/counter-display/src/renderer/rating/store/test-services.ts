import type { EventEnvelope, HallEvent, PublicHall, RatingRecord, RatingRequest, Snapshot } from '@hallq/shared';
import { vi } from 'vitest';
import type { RatingApi } from '../services/api';
import { createPadStore } from './create-pad-store';
import type { PadServices } from './types';

export const PAD_WINDOW = 3;

/** A small hall as GET /api/hall answers it: what the pad reads of it. */
export function testHall(over: Partial<PublicHall> = {}): PublicHall {
  return {
    name: { zh: '测试政务服务中心', en: 'Test hall' },
    timeZone: 'Asia/Shanghai',
    languages: ['zh', 'bo', 'en'],
    hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
    windowTypes: [],
    serviceItems: [],
    windows: [
      {
        number: 3,
        name: { zh: '3号窗口', en: 'Window 3' },
        zone: '一楼',
        floor: 1,
        serves: [],
        callMode: 'preference',
      },
    ],
    priorityPath: 'help_and_proxy',
    appointmentEarlyMinutes: 30,
    appointmentLateMinutes: 15,
    noShowAfterCalls: 2,
    ratingReasons: [
      { code: 'long_wait', name: { zh: '等候时间太长', en: 'Waited too long' } },
      { code: 'attitude', name: { zh: '服务态度不好', en: 'Unfriendly service' } },
    ],
    ratingTimeoutSeconds: 60,
    clerkNames: null,
    ...over,
  };
}

export function ratingRequest(over: Partial<RatingRequest> = {}): RatingRequest {
  return {
    id: 'r1',
    window: PAD_WINDOW,
    ticketNumber: 'A012',
    clerk: 'c03',
    requestedAt: '2025-05-06T02:00:00.000Z',
    expiresAt: '2025-05-06T02:01:00.000Z',
    ...over,
  };
}

export function ratingRecord(over: Partial<RatingRecord> = {}): RatingRecord {
  return {
    id: 'rec-1',
    hallDay: '2025-05-06',
    ticketId: 't-A012',
    ticketNumber: 'A012',
    window: PAD_WINDOW,
    clerk: 'c03',
    windowType: 'personal',
    serviceItem: null,
    result: 'not_rated',
    reason: null,
    requestedAt: '2025-05-06T02:00:00.000Z',
    recordedAt: '2025-05-06T02:01:00.000Z',
    ...over,
  };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 10,
    hallDay: '2025-05-06',
    queues: [],
    windows: [],
    tickets: [],
    recentCalls: [],
    emptyPosts: [],
    guideCalls: [],
    ratingRequests: [],
    ...over,
  };
}

export const envelope = (seq: number, event: HallEvent): EventEnvelope => ({
  seq,
  at: '2025-05-06T02:00:00.000Z',
  event,
});

export function fakeRealtime() {
  const realtime = {
    handlers: null as Parameters<PadServices['realtime']['start']>[0] | null,
    start: vi.fn((h: Parameters<PadServices['realtime']['start']>[0]) => {
      realtime.handlers = h;
    }),
    resync: vi.fn(),
    stop: vi.fn(),
  };
  return realtime satisfies PadServices['realtime'];
}

/** A pad at window 3 over fakes, connected, with the hall loaded and a hand-driven clock. */
export function testPad(hall: PublicHall = testHall()) {
  const api = { hall: vi.fn<RatingApi['hall']>(), submitRating: vi.fn<RatingApi['submitRating']>() };
  const realtime = fakeRealtime();
  const clock = { now: 1_000_000 };
  let ids = 0;
  const services: PadServices = {
    api,
    realtime,
    window: PAD_WINDOW,
    now: () => clock.now,
    newRequestId: () => `request-${++ids}`,
  };
  const store = createPadStore(services);
  store.setState({ hall, hallStatus: 'loaded' });
  store.getState().connect();
  /** Moves the clock and runs the heartbeat. */
  const advance = (ms: number) => {
    clock.now += ms;
    store.getState().tick();
  };
  return { store, api, realtime, clock, advance, state: () => store.getState(), handlers: () => realtime.handlers! };
}
