import type {
  ClerkSummary,
  CompartmentView,
  EventEnvelope,
  HallConfig,
  HallEvent,
  LockerView,
  Snapshot,
  WindowActionResponse,
} from '@hallq/shared/contracts';
import type { Ticket, WindowState } from '@hallq/shared/domain';
import { toPublicHall } from '@hallq/shared/contracts';
import { freeCompartment, OPEN_KEYPAD } from '@hallq/shared/domain';
import { vi } from 'vitest';
import { fakeHallClient, fakeRealtime } from '@hallq/shared/testing';
import { makeEnvelope, makeQueueInfo, makeSnapshot, makeTicket, makeWindow } from '@hallq/shared/testing';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { CounterHall } from '../services/client';
import type { CounterStorage, StoredSession } from '../services/storage';
import { createCounterStore } from './create-counter-store';
import type { CounterServices } from './types';
import type { NoticePrintJob } from '../../../bridge/notice-bridge';

let config: HallConfig | null = null;
let demo: CounterHall | null = null;
/** The demo hall file, parsed once: the YAML is large. */
const demoConfig = (): HallConfig => (config ??= loadHallConfig(DEMO_HALL_PATH));
/** The demo hall as the panel reads GET /api/hall. */
export const demoHall = (): CounterHall => (demo ??= CounterHall.parse(toPublicHall(demoConfig(), 1)));

/**
 * The demo hall's lockers as GET /api/lockers answers with every compartment free: one locker, locker-1 (一楼自助取件柜
 * in 一楼出件区, beside window 20), with S A01 A02 B01, M A03 A04 B02, L A05 B03.
 */
export function demoLockers(): LockerView[] {
  return demoConfig().devices.lockers.map((l) => ({
    id: l.id,
    name: l.name,
    zone: l.zone,
    keypad: OPEN_KEYPAD,
    compartments: l.cabinets.flatMap((cab) =>
      cab.compartments.map((c) => {
        // A view never carries the pickup code's hash.
        const { codeHash: _, ...free } = freeCompartment(l.id, c.number, c.size);
        return { ...free, overdue: false };
      }),
    ),
  }));
}

/** A compartment of locker-1 holding (or about to hold) item-1. */
export function compartment(number: string, over: Partial<CompartmentView> = {}): CompartmentView {
  const free = demoLockers()[0]!.compartments.find((c) => c.number === number)!;
  return {
    ...free,
    state: 'opening',
    item: {
      id: 'item-1',
      caseNumber: 'CJ-2026-0001',
      description: '营业执照',
      applicantName: '欧***',
      registeredBy: 'staff:c20',
      registeredAt: AT,
      storedAt: null,
    },
    command: { id: 'cmd-1', purpose: 'deposit', sentAt: AT, deadline: '2026-11-20T02:00:15.000Z' },
    ...over,
  };
}

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

/**
 * The events the server publishes for a window action it answered so (callNext finding nobody publishes none): the
 * ticket's change, then the window's when the window changed (a call, or the ticket left it; pause, resume).
 */
export function eventsOf({ window, ticket }: WindowActionResponse): HallEvent[] {
  const windowUpdated: HallEvent = { type: 'window.updated', window };
  if (ticket === null) return [windowUpdated];
  const at = window.number;
  if (ticket.state === 'called' && ticket.calls === 1)
    return [{ type: 'ticket.called', ticket, window: at }, windowUpdated];
  if (ticket.state === 'called') return [{ type: 'ticket.recalled', ticket, window: at }];
  const updated: HallEvent = { type: 'ticket.updated', ticket, previousState: 'called' };
  return ticket.state === 'serving' ? [updated] : [updated, windowUpdated];
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

/** The server at the panel's edge: one mock per route, with the answers every panel gets unless a test says else. */
export function counterClient() {
  const api = fakeHallClient();
  api.hall.mockImplementation(async () => toPublicHall(demoConfig(), 1));
  api.logout.mockImplementation(async () => ({ ok: true }));
  api.clerkSummary.mockImplementation(async () => summary(0));
  api.lockers.mockImplementation(async () => ({ lockers: demoLockers() }));
  return api;
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

/** 黄丽 at window 20, the demo hall's 综合出件 (pickup) window. */
export const PICKUP_SESSION: StoredSession = {
  token: 'token-c20',
  expiresAt: '2026-11-20T12:00:00.000Z',
  staff: { id: 'c20', name: '黄丽', role: 'clerk' },
  window: 20,
};

/** Lets pending promise callbacks run (answers of the fake api). */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A panel store over fakes with the demo hall loaded and a hand-driven clock. `loggedIn` (the default) starts it
 * logged in (at window 3 as c03, or as `session`) with the live feed started but no snapshot yet: tests deliver it
 * with `online`.
 */
export function testCounter(options: { loggedIn?: boolean; storage?: CounterStorage; session?: StoredSession } = {}) {
  const api = counterClient();
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
    printNotice: vi.fn(async (_job: NoticePrintJob) => undefined),
  };
  const store = createCounterStore(services);
  store.setState({ hall: demoHall(), hallStatus: 'loaded' });
  if (options.loggedIn ?? true) {
    const session = options.session ?? SESSION;
    store.setState({ session, windowNumber: session.window });
    store.getState().startFeed();
  }
  /** The socket connects and delivers a snapshot. */
  const online = (s: Snapshot = snapshot()) => {
    realtime.handlers!.connection('connected');
    realtime.handlers!.snapshot(s);
  };
  /** The stream delivers `events` in one batch, numbered on from the feed's last. */
  const stream = (...events: HallEvent[]) => {
    const seq = store.getState().feed!.seq;
    realtime.handlers!.events(events.map((event, i) => envelope(seq + i + 1, event)));
  };
  const advance = (ms: number) => {
    clock.now += ms;
    store.getState().tick();
  };
  return {
    store,
    api,
    realtime,
    connectRealtime,
    clock,
    advance,
    online,
    stream,
    printNotice: services.printNotice as ReturnType<typeof vi.fn<CounterServices['printNotice']>>,
    state: () => store.getState(),
  };
}
