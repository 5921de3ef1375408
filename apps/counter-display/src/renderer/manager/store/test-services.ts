import type { FollowUp, PublicHall, RatingRecord } from '@hallq/shared';
import { vi } from 'vitest';
import { makePublicHall, makeRatingRecord } from '../../../../../../packages/shared/src/domain/test-fixtures';
import type { ManagerApi } from '../services/api';
import type { ManagerSession, SessionStorage } from '../services/session-storage';
import { createManagerStore } from './create-manager-store';
import type { ManagerServices } from './types';

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
      { number: 1, name: { zh: '1号窗口' }, zone: '一楼', floor: 1, serves: ['personal'], callMode: 'preference' },
      {
        number: 2,
        name: { zh: '2号窗口' },
        zone: '一楼',
        floor: 1,
        serves: ['personal', 'tax'],
        callMode: 'preference',
      },
    ],
  });
}

export const SESSION: ManagerSession = {
  token: 'tok-admin',
  expiresAt: '2099-01-01T00:00:00.000Z',
  staff: { id: 'admin', name: '管理员', role: 'manager' },
};

/** A console over fakes; `loggedIn` starts it as after a reload with a stored session. */
export function testConsole(options: { loggedIn?: boolean } = {}) {
  const api = {
    login: vi.fn<ManagerApi['login']>(),
    hall: vi.fn<ManagerApi['hall']>(async () => testHall()),
    followUps: vi.fn<ManagerApi['followUps']>(async () => ({ followUps: [] })),
    assign: vi.fn<ManagerApi['assign']>(),
    note: vi.fn<ManagerApi['note']>(),
    close: vi.fn<ManagerApi['close']>(),
  };
  const live = {
    handlers: null as Parameters<ReturnType<ManagerServices['realtime']>['start']>[0] | null,
    token: null as string | null,
    start: vi.fn((h: NonNullable<typeof live.handlers>) => {
      live.handlers = h;
    }),
    resync: vi.fn(),
    stop: vi.fn(),
  };
  let stored: ManagerSession | null = options.loggedIn ? SESSION : null;
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
    api,
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
