import type {
  ClerkSummary,
  EventEnvelope,
  HallEvent,
  Snapshot,
  Ticket,
  WindowDetail,
  WindowState,
} from '@hallq/shared';
import { toPublicHall } from '@hallq/shared';
import { vi } from 'vitest';
import { fakeRealtime } from '../../../../../../packages/shared/src/client/fake-realtime';
import {
  makeEnvelope,
  makeQueueInfo,
  makeSnapshot,
  makeTicket,
  makeWindow,
} from '../../../../../../packages/shared/src/domain/test-fixtures';
import { DEMO_HALL_PATH, loadHallConfig } from '../../../../../queue-server/src/config/load-hall-config';
import { CounterHall, type CounterApi } from '../services/api';
import type { CounterStorage, StoredSession } from '../services/storage';
import { createCounterStore } from './create-counter-store';
import type { CounterServices } from './types';

let demo: CounterHall | null = null;
/** The demo hall as the panel reads GET /api/hall (parsed once: the YAML is large). */
export const demoHall = (): CounterHall => (demo ??= CounterHall.parse(toPublicHall(loadHallConfig(DEMO_HALL_PATH))));

export const HALL_DAY = '2026-11-20'; // a Friday
export const AT = '2026-11-20T02:00:00.000Z'; // 10:00 in the hall

/** A001, waiting for a personal-matters window. */
export function ticket(over: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    id: 'id-A001',
    hallDay: HALL_DAY,
    number: 'A001',
    sequence: 1,
    windowType: 'personal',
    rank: 1,
    issuedAt: AT,
    ...over,
  });
}

export const windowState = (over: Partial<WindowState> = {}): WindowState =>
  makeWindow(3, { clerk: 'c03', since: AT, ...over });

export const queue: typeof makeQueueInfo = (windowType, over = {}) =>
  makeQueueInfo(windowType, { servingWindows: [3], ...over });

export const snapshot = (over: Partial<Snapshot> = {}): Snapshot =>
  makeSnapshot({ hallDay: HALL_DAY, queues: [queue('personal')], windows: [windowState()], ...over });

/** Window 3 with the given current ticket (called or served there). */
export function withCurrent(t: Ticket, over: Partial<Snapshot> = {}): Snapshot {
  return snapshot({ windows: [windowState({ currentTicket: t.id })], tickets: [t], ...over });
}

export const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, AT);

export function detail(over: Partial<WindowDetail> = {}): WindowDetail {
  const hall = demoHall();
  return {
    config: hall.windows.find((w) => w.number === 3)!,
    state: windowState(),
    current: null,
    queues: [{ windowType: 'personal', waiting: 0, next: [] }],
    ...over,
  };
}

export const summary = (served: number): ClerkSummary => ({
  staffId: 'c03',
  hallDay: HALL_DAY,
  served,
  averageServiceMinutes: served === 0 ? null : 7.5,
  ratings: {
    very_satisfied: served,
    satisfied: 0,
    basically_satisfied: 0,
    dissatisfied: 0,
    very_dissatisfied: 0,
    not_rated: 0,
  },
});

export function fakeApi() {
  return {
    hall: vi.fn<CounterApi['hall']>(async () => demoHall()),
    login: vi.fn<CounterApi['login']>(),
    logout: vi.fn<CounterApi['logout']>(async () => undefined),
    window: vi.fn<CounterApi['window']>(async () => detail()),
    summary: vi.fn<CounterApi['summary']>(async () => summary(0)),
    act: vi.fn<CounterApi['act']>(),
    answerGuide: vi.fn<CounterApi['answerGuide']>(),
  } satisfies CounterApi;
}

export function memoryStorage(window: number | null = null, session: StoredSession | null = null) {
  const saved = { window, session };
  const storage: CounterStorage = {
    loadWindow: () => saved.window,
    saveWindow: (w) => {
      saved.window = w;
    },
    loadSession: () => saved.session,
    saveSession: (s) => {
      saved.session = s;
    },
  };
  return { storage, saved };
}

export const SESSION: StoredSession = {
  token: 'token-c03',
  expiresAt: '2026-11-20T12:00:00.000Z',
  staff: { id: 'c03', name: '扎西多吉', role: 'clerk' },
  window: 3,
};

/** Lets pending promise callbacks run (answers of the fake api). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A panel store over fakes with the demo hall loaded and a hand-driven clock. `loggedIn` (the default) starts it
 * logged in at window 3 as c03 with the live feed started but no snapshot yet: tests deliver it with `online`.
 */
export function testCounter(options: { loggedIn?: boolean; storage?: CounterStorage } = {}) {
  const api = fakeApi();
  const realtime = fakeRealtime();
  const connectRealtime = vi.fn((_window: number, _token: string) => realtime);
  const clock = { now: Date.parse(AT) };
  const storage = options.storage ?? memoryStorage().storage;
  let ids = 0;
  const services: CounterServices = {
    api,
    connectRealtime,
    storage,
    now: () => clock.now,
    newRequestId: () => `request-${++ids}`,
  };
  const store = createCounterStore(services);
  store.setState({ hall: demoHall(), hallStatus: 'loaded' });
  if (options.loggedIn ?? true) {
    store.setState({ session: SESSION, windowNumber: 3 });
    store.getState().startFeed();
  }
  /** The socket connects and delivers a snapshot. */
  const online = (s: Snapshot = snapshot()) => {
    realtime.handlers!.connection('connected');
    realtime.handlers!.snapshot(s);
  };
  const advance = (ms: number) => {
    clock.now += ms;
    store.getState().tick();
  };
  return { store, api, realtime, connectRealtime, clock, advance, online, state: () => store.getState() };
}
