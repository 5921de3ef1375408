import type { HallFeed } from '@hallq/shared/client';
import {
  type EventEnvelope,
  type GuideCall,
  type HallEvent,
  type IssuedTicket,
  type PublicHall,
  type Snapshot,
  type TicketTrace,
  toPublicHall,
} from '@hallq/shared/contracts';
import type { Ticket } from '@hallq/shared/domain';
import {
  fakeHallClient,
  fakeRealtime,
  makeEnvelope,
  makeSnapshot,
  makeTicket,
  makeWindow,
} from '@hallq/shared/testing';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import type { SessionStorage, StaffSession } from '../../common/staff-session';
import { createGuideStore } from './create-guide-store';

export const HALL_DAY = '2026-11-20'; // a Friday
export const AT = '2026-11-20T02:00:00.000Z'; // 10:00 in the hall
export const NOW = Date.parse('2026-11-20T02:30:00.000Z'); // 10:30

let hall: PublicHall | null = null;
/** The demo hall as GET /api/hall answers it (the YAML is large: parsed once). */
export const demoHall = (): PublicHall => (hall ??= toPublicHall(loadHallConfig(DEMO_HALL_PATH), 1));

/** g01, the 一楼 guide of the demo hall. */
export const SESSION: StaffSession = {
  token: 'tok-g01',
  expiresAt: '2099-01-01T00:00:00.000Z',
  staff: { id: 'g01', name: '卓玛', role: 'floor_guide' },
};

/** A personal-matters ticket (A001 …), waiting unless `over` says otherwise. */
export function ticket(number: string, over: Partial<Ticket> = {}): Ticket {
  return makeTicket({
    id: `id-${number}`,
    hallDay: HALL_DAY,
    number,
    sequence: Number(number.slice(1)),
    windowType: 'personal',
    rank: Date.parse(AT) + Number(number.slice(1)),
    issuedAt: AT,
    ...over,
  });
}

/** A001 called twice at window 3 and marked no-show there: what the desk is asked about most. */
export function noShowTrace(over: Partial<TicketTrace> = {}): TicketTrace {
  const at = (min: number) => new Date(Date.parse(AT) + min * 60_000).toISOString();
  return {
    ticket: ticket('A001', { state: 'no_show', window: 3, clerk: 'c03', calls: 2 }),
    position: null,
    servingWindows: [1, 2, 3],
    history: [
      { at: at(0), type: 'ticket.issued', actor: 'kiosk:kiosk-1', window: null },
      { at: at(5), type: 'ticket.called', actor: 'staff:c03', window: 3 },
      { at: at(7), type: 'ticket.recalled', actor: 'staff:c03', window: 3 },
      { at: at(9), type: 'ticket.markedNoShow', actor: 'staff:c03', window: 3 },
    ],
    reactivation: { allowed: true, reason: null },
    ...over,
  };
}

export function issued(t: Ticket, over: Partial<IssuedTicket> = {}): IssuedTicket {
  return {
    ticket: t,
    peopleAhead: 4,
    estimatedWaitMinutes: 16,
    windows: [1, 2, 3],
    statusToken: 'status-token-0123456789',
    statusPath: '/t/status-token-0123456789',
    ...over,
  };
}

export function guideCall(id: string, over: Partial<GuideCall> = {}): GuideCall {
  return {
    id,
    kiosk: 'kiosk-1',
    zone: '一楼综合受理区',
    reason: 'general',
    calledAt: AT,
    answeredAt: null,
    answeredBy: null,
    answeredByName: null,
    kioskName: '一楼大厅取号机',
    ...over,
  };
}

/** Windows 1 to 3 open (all serve personal matters in the demo hall). */
export const snapshot = (over: Partial<Snapshot> = {}): Snapshot =>
  makeSnapshot({
    hallDay: HALL_DAY,
    windows: [1, 2, 3].map((n) => makeWindow(n, { status: 'open', clerk: `c0${n}`, since: AT })),
    ...over,
  });

export const envelope = (seq: number, event: HallEvent): EventEnvelope => makeEnvelope(seq, event, AT);

/** A desk over fakes with the demo hall; `loggedIn` starts it as after a reload with g01's stored session. */
export function testDesk(options: { loggedIn?: boolean } = {}) {
  const api = fakeHallClient();
  api.hall.mockImplementation(async () => demoHall());
  api.appointments.mockImplementation(async () => ({ appointments: [] }));
  const live = fakeRealtime();
  let token: string | null = null;
  let stored: StaffSession | null = options.loggedIn ? SESSION : null;
  const sessions: SessionStorage = {
    load: () => stored,
    save: (s) => {
      stored = s;
    },
    clear: () => {
      stored = null;
    },
  };
  let ids = 0;
  const store = createGuideStore({
    client: api,
    realtime: (t) => {
      token = t;
      return live;
    },
    sessions,
    now: () => NOW,
    newRequestId: () => `request-${++ids}`,
  });
  if (options.loggedIn) store.getState().restore();
  const state = () => store.getState();
  return {
    store,
    api,
    live,
    state,
    stored: () => stored,
    token: () => token,
    /** The socket connects and sends its snapshot; the hall file has loaded. */
    online: async (first: Snapshot = snapshot()) => {
      await settle();
      live.handlers!.connection('connected');
      live.handlers!.snapshot(first);
      await settle();
    },
    events: (...events: HallEvent[]) => {
      const seq = (state().feed as HallFeed).seq;
      live.handlers!.events(events.map((e, i) => envelope(seq + i + 1, e)));
    },
  };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));
