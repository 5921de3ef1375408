// Test-only helpers: a tiny hall, tickets/windows/queues, snapshots and ratings built from a few fields. Not exported
// by the package.
import { HallConfig, QueuePolicy, WindowConfig } from '../config/hall-config';
import type { EventEnvelope, HallEvent, Snapshot } from '../contracts/events';
import { toPublicHall, type PublicHall } from '../contracts/hall';
import type { QueueInfo } from '../contracts/queues';
import type { RatingRecord, RatingRequest } from '../contracts/ratings';
import type { HallConfigInput } from '../config/hall-config';
import { formatTicketNumber } from '../domain/numbering';
import type { Ticket, TicketState } from '../domain/ticket';
import type { WindowState } from '../domain/window';

const weekday = { open: '09:00', close: '17:00', lunch: { start: '12:00', end: '13:30' } };

/** Mon-Fri 09:00-17:00 with lunch 12:00-13:30, Saturday morning, closed on Sunday; Asia/Shanghai. */
export function hallInput(): HallConfigInput {
  return {
    name: { zh: '测试政务服务大厅' },
    departments: [
      { code: 'office', name: { zh: '政务服务中心' }, hallOffice: true },
      { code: 'social-bureau', name: { zh: '人社局' } },
    ],
    hours: {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: { open: '09:00', close: '12:00' },
      sun: null,
    },
    windowTypes: [
      {
        code: 'general',
        prefix: 'A',
        name: { zh: '综合窗口' },
        kind: 'comprehensive',
        targetWaitMinutes: 20,
        defaultServiceMinutes: 6,
      },
      {
        code: 'social',
        prefix: 'B',
        name: { zh: '社保' },
        kind: 'sector',
        targetWaitMinutes: 20,
        defaultServiceMinutes: 8,
      },
      {
        code: 'help',
        prefix: 'C',
        name: { zh: '帮办代办' },
        kind: 'help_and_proxy',
        dailyCap: 3,
        targetWaitMinutes: 10,
        defaultServiceMinutes: 15,
        // Weekdays only, through lunch (延时服务).
        hours: {
          mon: { open: '08:30', close: '18:00' },
          tue: { open: '08:30', close: '18:00' },
          wed: { open: '08:30', close: '18:00' },
          thu: { open: '08:30', close: '18:00' },
          fri: { open: '08:30', close: '18:00' },
          sat: null,
          sun: null,
        },
      },
    ],
    windows: [
      {
        number: 1,
        name: { zh: '1号窗口' },
        zone: 'A',
        floor: 1,
        serves: ['general', 'social'],
        callMode: 'preference',
        department: 'office',
      },
      {
        number: 2,
        name: { zh: '2号窗口' },
        zone: 'A',
        floor: 1,
        serves: ['social', 'general'],
        callMode: 'longest_wait',
        department: 'social-bureau',
      },
      {
        number: 3,
        name: { zh: '3号窗口' },
        zone: 'B',
        floor: 1,
        serves: ['help'],
        callMode: 'preference',
        department: 'office',
      },
    ],
  };
}

export function testHall(patch: Partial<HallConfigInput> = {}): HallConfig {
  return HallConfig.parse({ ...hallInput(), ...patch });
}

export const policy: QueuePolicy = QueuePolicy.parse({});

export function windowConfig(hall: HallConfig, number: number): WindowConfig {
  const found = hall.windows.find((w) => w.number === number);
  if (!found) throw new Error(`no window ${number} in the test hall`);
  return WindowConfig.parse(found);
}

const PREFIX: Record<string, string> = { general: 'A', social: 'B', help: 'C' };

/** 2026-11-23 (a Monday) at a Shanghai wall-clock time. */
export function shanghai(time: string, day = '2026-11-23'): Date {
  return new Date(`${day}T${time}+08:00`);
}

/** A waiting ticket of `windowType` (default general), ranked by its sequence unless told otherwise. */
export function makeTicket(fields: Partial<Ticket> & { sequence: number }): Ticket {
  const windowType = fields.windowType ?? 'general';
  const issuedAt = shanghai('09:00');
  return {
    id: `${windowType}-${fields.sequence}`,
    hallDay: '2026-11-23',
    number: formatTicketNumber(PREFIX[windowType] ?? 'Z', fields.sequence),
    windowType,
    serviceItem: null,
    priority: null,
    appointment: null,
    state: 'waiting',
    calls: 0,
    window: null,
    clerk: null,
    rank: issuedAt.getTime() + fields.sequence * 1000,
    transfer: null,
    outcome: null,
    servedItems: [],
    language: 'zh',
    issuedAt: issuedAt.toISOString(),
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    ...fields,
  };
}

/** Ticket A001 in `state`; called, serving and no-show tickets are at window 1 with clerk c1. */
export function ticketInState(state: TicketState, fields: Partial<Ticket> = {}): Ticket {
  const atWindow = state === 'called' || state === 'serving' || state === 'no_show';
  return makeTicket({
    sequence: 1,
    state,
    calls: atWindow ? 1 : 0,
    window: atWindow ? 1 : null,
    clerk: atWindow ? 'c1' : null,
    calledAt: atWindow ? shanghai('09:50').toISOString() : null,
    startedAt: state === 'serving' ? shanghai('09:52').toISOString() : null,
    transfer: state === 'transferred' ? { fromWindow: 2, toWindowType: 'general' } : null,
    ...fields,
  });
}

export function makeWindow(number: number, fields: Partial<WindowState> = {}): WindowState {
  return {
    number,
    status: 'open',
    pauseReason: null,
    clerk: 'clerk1',
    post: 'A',
    currentTicket: null,
    priorityStreak: 0,
    since: shanghai('08:55').toISOString(),
    incoming: null,
    ...fields,
  };
}

/** A queue as GET /api/queues lists it: open, empty, served at window 1. */
export function makeQueueInfo(windowType: string, fields: Partial<QueueInfo> = {}): QueueInfo {
  return {
    windowType,
    waiting: 0,
    estimatedWaitMinutes: 0,
    open: true,
    closed: null,
    servingWindows: [1],
    issuedToday: 0,
    dailyCap: null,
    longestWaitMinutes: 0,
    ...fields,
  };
}

/** GET /api/hall of the test hall, with `fields` replaced. */
export function makePublicHall(fields: Partial<PublicHall> = {}): PublicHall {
  return { ...toPublicHall(testHall(), 1), ...fields };
}

/** A snapshot of an empty hall at seq 10 on 2026-11-23. */
export function makeSnapshot(fields: Partial<Snapshot> = {}): Snapshot {
  return {
    seq: 10,
    hallDay: '2026-11-23',
    hallVersion: 1,
    queues: [],
    windows: [],
    tickets: [],
    recentCalls: [],
    emptyPosts: [],
    guideCalls: [],
    ratingRequests: [],
    lockers: [],
    ...fields,
  };
}

export function makeEnvelope(seq: number, event: HallEvent, at = shanghai('10:00').toISOString()): EventEnvelope {
  return { seq, at, event };
}

/** The rating pad at window 3 asked to rate ticket A012, with a minute to answer. */
export function makeRatingRequest(fields: Partial<RatingRequest> = {}): RatingRequest {
  return {
    id: 'r1',
    window: 3,
    ticketNumber: 'A012',
    clerk: 'c03',
    requestedAt: shanghai('10:00').toISOString(),
    expiresAt: shanghai('10:01').toISOString(),
    ...fields,
  };
}

/** Ticket A012 at window 3 left unrated. */
export function makeRatingRecord(fields: Partial<RatingRecord> = {}): RatingRecord {
  return {
    id: 'rec-1',
    hallDay: '2026-11-23',
    ticketId: 't-A012',
    ticketNumber: 'A012',
    window: 3,
    clerk: 'c03',
    windowType: 'general',
    serviceItem: null,
    result: 'not_rated',
    reason: null,
    requestedAt: shanghai('10:00').toISOString(),
    recordedAt: shanghai('10:01').toISOString(),
    ...fields,
  };
}
