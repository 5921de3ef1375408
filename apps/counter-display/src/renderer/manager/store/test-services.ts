import type {
  CompartmentView,
  FollowUp,
  LockerView,
  Notice,
  NoticesResponse,
  PublicHall,
  RatingRecord,
  RatingUploads,
  SettingsView,
  StaffMember,
} from '@hallq/shared/contracts';
import { HallConfig } from '@hallq/shared/contracts';
import type { RealtimeHandlers } from '@hallq/shared/client';
import { vi } from 'vitest';
import { fakeHallClient, makePublicHall, makeRatingRecord } from '@hallq/shared/testing';
import type { SessionStorage, StaffSession } from '../../common/staff-session';
import { createManagerStore } from './create-manager-store';

/** The 好差评 upload outbox of a hall that names no provincial endpoint, with nothing waiting. */
export const NO_UPLOADS: RatingUploads = {
  configured: false,
  pending: 0,
  oldestPendingAt: null,
  failing: [],
  nextAttemptAt: null,
  lastAcceptedAt: null,
};

/** A dissatisfied rating (waited too long) of A031 at window 4. */
export function rating(over: Partial<RatingRecord> = {}): RatingRecord {
  return makeRatingRecord({
    id: 'rt-1',
    hallDay: '2025-05-06',
    ticketId: 't-1',
    ticketNumber: 'A031',
    window: 4,
    clerk: 'c04',
    windowType: 'personal',
    result: 'dissatisfied',
    reason: { code: 'long_wait', text: null },
    requestedAt: '2025-05-06T02:00:00.000Z',
    recordedAt: '2025-05-06T02:00:30.000Z',
    ...over,
  });
}

export function followUp(id: string, over: Partial<FollowUp> = {}): FollowUp {
  return {
    id,
    rating: rating(),
    status: 'open',
    deadline: '2025-05-13',
    assignee: null,
    notes: [],
    openedAt: '2025-05-06T02:00:30.000Z',
    closedAt: null,
    resolution: null,
    ...over,
  };
}

export function testHall(): PublicHall {
  return makePublicHall({
    name: { zh: '测试大厅' },
    windowTypes: [
      {
        code: 'personal',
        prefix: 'A',
        name: { zh: '个人综合' },
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
        defaultServiceMinutes: 10,
      },
    ],
    windows: [
      {
        number: 1,
        name: { zh: '1号窗口' },
        zone: '一楼',
        floor: 1,
        serves: ['personal'],
        callMode: 'preference',
        department: 'office',
      },
      {
        number: 2,
        name: { zh: '2号窗口' },
        zone: '一楼',
        floor: 1,
        serves: ['personal', 'tax'],
        callMode: 'preference',
        department: 'office',
      },
    ],
  });
}

/** Compartment `number` of locker L1, free unless `over` says otherwise. */
export function compartment(number: string, over: Partial<CompartmentView> = {}): CompartmentView {
  return {
    locker: 'L1',
    number,
    size: 'M',
    state: 'free',
    item: null,
    command: null,
    fault: null,
    overdue: false,
    ...over,
  };
}

/** An occupied compartment holding a 营业执照 stored on 2025-05-06. */
export function occupied(number: string, over: Partial<CompartmentView> = {}): CompartmentView {
  return compartment(number, {
    state: 'occupied',
    item: {
      id: `item-${number}`,
      caseNumber: `BJ-2025-${number}`,
      description: '营业执照',
      applicantName: '张*',
      registeredBy: 'c09',
      registeredAt: '2025-05-06T02:00:00.000Z',
      storedAt: '2025-05-06T02:01:00.000Z',
    },
    ...over,
  });
}

/** Whose door did not open when staff tried to retrieve its item. */
export function faulty(number: string, at = '2025-05-06T03:00:00.000Z'): CompartmentView {
  return occupied(number, {
    state: 'faulty',
    fault: { reason: 'open_failed', detail: 'board 1 ch 3: no ack', during: 'retrieve', commandId: 'cmd-1', at },
  });
}

export function locker(compartments: CompartmentView[], over: Partial<LockerView> = {}): LockerView {
  return {
    id: 'L1',
    name: '一楼取件柜',
    zone: '一楼出件区',
    keypad: { wrongInRow: 0, lockedUntil: null },
    compartments,
    ...over,
  };
}

/** A pickup notice queued for the SMS modem and not yet tried, its text and phone still kept. */
export function notice(id: string, over: Partial<Notice> = {}): Notice {
  return {
    id,
    kind: 'pickup_ready',
    subject: '一楼取件柜 1号格口',
    status: 'pending',
    sender: 'modem',
    phone: '13812345678',
    text: '您的营业执照已存入一楼取件柜1号格口，取件码 482913',
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    createdAt: '2025-05-06T02:01:00.000Z',
    sentAt: null,
    deliveredAt: null,
    erasedAt: null,
    ...over,
  };
}

/** The server's list of `notices`, counted by status, from a ready modem unless `over` says otherwise. */
export function noticesPage(notices: Notice[], over: Partial<NoticesResponse> = {}): NoticesResponse {
  const counts: NoticesResponse['counts'] = {
    pending: 0,
    sent: 0,
    delivered: 0,
    failed: 0,
    at_window: 0,
    relayed: 0,
    withdrawn: 0,
  };
  for (const n of notices) counts[n.status]++;
  return { sender: { kind: 'modem', ready: true, detail: '信号 18/31，已注册' }, counts, notices, ...over };
}

export const SESSION: StaffSession = {
  token: 'tok-admin',
  expiresAt: '2099-01-01T00:00:00.000Z',
  staff: { id: 'admin', name: '管理员', role: 'manager' },
};

/** The staff the manager of `testHall` answers for: everyone. */
export function testDirectory(): StaffMember[] {
  const member = (id: string, name: string, role: StaffMember['role']): StaffMember => ({
    id,
    name,
    role,
    department: 'office',
    aWindows: [],
    bWindows: [],
  });
  return [member('admin', '管理员', 'manager'), member('c01', '次仁卓玛', 'clerk'), member('c02', '王建国', 'clerk')];
}

/**
 * A console over fakes; `loggedIn` starts it as after a reload with a stored session (`session`, the manager's unless
 * given), in `hall` with `directory` as its staff list.
 */
export function testConsole(
  options: { loggedIn?: boolean; session?: StaffSession; hall?: PublicHall; directory?: StaffMember[] } = {},
) {
  /** The server, one mock per route; what every console asks at start answers at once. */
  const api = fakeHallClient();
  api.hall.mockImplementation(async () => options.hall ?? testHall());
  api.followUps.mockImplementation(async () => ({ followUps: [] }));
  api.staffDirectory.mockImplementation(async () => ({ staff: options.directory ?? testDirectory() }));
  api.notices.mockImplementation(async () => noticesPage([]));
  api.ratingUploads.mockImplementation(async () => NO_UPLOADS);
  const live = {
    handlers: null as RealtimeHandlers | null,
    token: null as string | null,
    start: vi.fn((h: RealtimeHandlers) => {
      live.handlers = h;
    }),
    resync: vi.fn(),
    stop: vi.fn(),
  };
  let stored: StaffSession | null = options.loggedIn ? (options.session ?? SESSION) : null;
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
  const store = createManagerStore({
    client: api,
    realtime: (token) => {
      live.token = token;
      return live;
    },
    sessions,
    newRequestId: () => `request-${++ids}`,
  });
  if (options.loggedIn) store.getState().restore();
  return { store, api, live, state: () => store.getState(), stored: () => stored };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

/** The settings as the console reads them, version 3 of a hall with two windows, two types and one item. */
export function testSettingsView(over: Partial<SettingsView> = {}): SettingsView {
  const hall = HallConfig.parse({
    name: { zh: '测试大厅' },
    hours: {
      mon: { open: '09:00', close: '17:00' },
      tue: { open: '09:00', close: '17:00' },
      wed: { open: '09:00', close: '17:00' },
      thu: { open: '09:00', close: '17:00' },
      fri: { open: '09:00', close: '17:00' },
      sat: null,
      sun: null,
    },
    departments: [
      { code: 'office', name: { zh: '大厅管理办' }, hallOffice: true },
      { code: 'tax', name: { zh: '税务局' } },
    ],
    windowTypes: testHall().windowTypes,
    serviceItems: [
      {
        code: 'T001',
        name: { zh: '发票领用' },
        level: 'county',
        kind: 'immediate',
        promisedWorkingDays: 0,
        materials: [{ zh: '身份证' }],
        feeYuan: 0,
        windowType: 'tax',
        department: 'tax',
      },
    ],
    windows: [
      { ...testHall().windows[0]!, department: 'office' },
      { ...testHall().windows[1]!, department: 'tax' },
    ],
    staff: [
      { id: 'admin', name: '管理员', role: 'manager', department: 'office' },
      { id: 'c01', name: '次仁卓玛', role: 'clerk', department: 'office', aWindows: [1] },
    ],
    devices: { kiosks: [{ id: 'K1', name: '一楼取号机', zone: '一楼' }] },
    policy: { priorityPath: 'priority_ticket' },
  });
  return {
    version: 3,
    at: '2025-05-06T02:00:00.000Z',
    actor: 'staff:admin',
    hall,
    passwords: { admin: { mustChange: false } },
    deviceKeys: ['K1'],
    tokensSet: { ratingUpload: false, gateway: false },
    ...over,
  };
}
