// Test-only fakes and fixtures for the screens' stores.
import type {
  EventEnvelope,
  HallEvent,
  HallRealtime,
  PublicHall,
  QueueInfo,
  RealtimeHandlers,
  Snapshot,
  Ticket,
  WindowState,
} from '@hallq/shared';
import { vi } from 'vitest';
import type { ScreenServices } from './types';

export function fakeRealtime() {
  const realtime = {
    handlers: null as RealtimeHandlers | null,
    start: vi.fn((h: RealtimeHandlers) => {
      realtime.handlers = h;
    }),
    resync: vi.fn(),
    stop: vi.fn(),
  } satisfies HallRealtime & { handlers: RealtimeHandlers | null };
  return realtime;
}

export function testServices(over: Partial<ScreenServices> = {}) {
  const realtime = fakeRealtime();
  const services = {
    loadHall: vi.fn(async () => hall()),
    realtime,
    onFresh: vi.fn(),
    delay: vi.fn(async () => {}),
    now: () => Date.parse('2025-05-06T02:00:00.000Z'),
    ...over,
  } satisfies ScreenServices;
  return { services, realtime };
}

export function hall(over: Partial<PublicHall> = {}): PublicHall {
  return {
    name: { zh: '测试政务服务大厅', en: 'Test hall' },
    timeZone: 'Asia/Shanghai',
    languages: ['zh', 'bo', 'en'],
    hours: { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
    windowTypes: [
      {
        code: 'personal',
        prefix: 'A',
        name: { zh: '个人综窗', en: 'Personal' },
        kind: 'comprehensive',
        targetWaitMinutes: 20,
        defaultServiceMinutes: 8,
      },
      {
        code: 'tax',
        prefix: 'E',
        name: { zh: '税务' },
        kind: 'sector',
        targetWaitMinutes: 30,
        defaultServiceMinutes: 12,
      },
    ],
    serviceItems: [],
    windows: [
      {
        number: 3,
        name: { zh: '3号窗口', en: 'Window 3' },
        zone: '一楼',
        floor: 1,
        serves: ['personal'],
        callMode: 'preference',
      },
    ],
    priorityPath: 'help_and_proxy',
    appointmentEarlyMinutes: 30,
    appointmentLateMinutes: 15,
    noShowAfterCalls: 2,
    ratingReasons: [],
    ratingTimeoutSeconds: 60,
    clerkNames: null,
    ...over,
  };
}

export function queue(windowType: string, over: Partial<QueueInfo> = {}): QueueInfo {
  return {
    windowType,
    waiting: 0,
    estimatedWaitMinutes: 0,
    open: true,
    closed: null,
    servingWindows: [3],
    issuedToday: 0,
    dailyCap: null,
    longestWaitMinutes: 0,
    ...over,
  };
}

export function ticket(number: string, over: Partial<Ticket> = {}): Ticket {
  return {
    id: `t-${number}`,
    hallDay: '2025-05-06',
    number,
    sequence: 1,
    windowType: 'personal',
    serviceItem: null,
    priority: null,
    appointment: null,
    state: 'called',
    calls: 1,
    window: 3,
    clerk: 'c03',
    rank: 0,
    transfer: null,
    outcome: null,
    issuedAt: '2025-05-06T01:00:00.000Z',
    calledAt: '2025-05-06T01:10:00.000Z',
    startedAt: null,
    finishedAt: null,
    ...over,
  };
}

export function windowState(number: number, over: Partial<WindowState> = {}): WindowState {
  return {
    number,
    status: 'open',
    pauseReason: null,
    clerk: 'c03',
    post: 'A',
    currentTicket: null,
    priorityStreak: 0,
    since: '2025-05-06T01:00:00.000Z',
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

export const called = (seq: number, number: string, window: number): EventEnvelope =>
  envelope(seq, { type: 'ticket.called', ticket: ticket(number, { window }), window });
