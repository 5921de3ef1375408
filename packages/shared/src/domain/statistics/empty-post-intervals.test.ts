import { describe, expect, it } from 'vitest';
import type { WindowEntry } from './attendance';
import { emptyPostIntervals } from './empty-post-intervals';
import type { TicketEntry } from './visits';

const DAY = '2026-11-20'; // a Friday
/** hh:mm in the hall (Asia/Shanghai) on DAY. */
const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 20, hour - 8, minute)).toISOString();
const day = { open: '09:00', close: '17:30' };
const HALL = {
  timeZone: 'Asia/Shanghai',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null },
  calendar: { holidays: [], workdays: [] },
  windows: [
    { number: 1, serves: ['personal'] },
    { number: 13, serves: ['tax'] },
  ],
  windowTypes: [{ code: 'personal' }, { code: 'tax' }],
} as unknown as Parameters<typeof emptyPostIntervals>[1];
const EVENING = new Date(at(20));

const issued = (time: string, id: string, windowType = 'personal'): TicketEntry => ({
  at: time,
  hallDay: DAY,
  actor: 'kiosk:kiosk-1',
  ticketId: id,
  type: 'ticket.issued',
  data: { windowType, serviceItem: null, priority: null, appointment: null },
});
const called = (time: string, id: string, window: number): TicketEntry => ({
  at: time,
  hallDay: DAY,
  actor: 'staff:c01',
  window,
  ticketId: id,
  type: 'ticket.called',
});
const win = (time: string, window: number, type: 'login' | 'logout' | 'pause' | 'resume'): WindowEntry => {
  const base = { at: time, hallDay: DAY, actor: 'staff:c01', window };
  if (type === 'login')
    return { ...base, type: 'window.loggedIn', data: { command: { type, clerk: 'c01', post: 'A' } } };
  if (type === 'logout') return { ...base, type: 'window.loggedOut', data: { command: { type, clerk: 'c01' } } };
  if (type === 'pause') return { ...base, type: 'window.paused', data: { command: { type, reason: 'lunch' } } };
  return { ...base, type: 'window.resumed' };
};

describe('empty posts (空岗) replayed from the journal', () => {
  it('opens when someone waits and no open window serves the type, and ends when a clerk logs in there', () => {
    const intervals = emptyPostIntervals(
      [
        issued(at(9), 'A001'),
        issued(at(9, 5), 'E001', 'tax'),
        win(at(9, 10), 1, 'login'),
        called(at(9, 12), 'A001', 1),
      ],
      HALL,
      EVENING,
    );
    expect(intervals).toEqual([
      { day: DAY, windowType: 'personal', from: at(9), to: at(9, 10), minutes: 10 },
      // Nobody ever served tax: the empty post lasts to the closing time.
      { day: DAY, windowType: 'tax', from: at(9, 5), to: at(17, 30), minutes: 505 },
    ]);
  });

  it('counts a paused window as not serving, and an empty queue as no empty post', () => {
    const intervals = emptyPostIntervals(
      [
        win(at(9), 1, 'login'),
        win(at(12), 1, 'pause'),
        issued(at(12, 30), 'A001'),
        win(at(13, 30), 1, 'resume'),
        called(at(13, 31), 'A001', 1),
        win(at(14), 1, 'logout'),
      ],
      HALL,
      EVENING,
    );
    expect(intervals).toEqual([{ day: DAY, windowType: 'personal', from: at(12, 30), to: at(13, 30), minutes: 60 }]);
  });
});
