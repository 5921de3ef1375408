import { describe, expect, it } from 'vitest';
import { attendance, type WindowEntry } from './attendance';
import type { TicketEntry } from './visits';

const DAY = '2026-11-20'; // a Friday
/** hh:mm in the hall (Asia/Shanghai) on DAY. */
const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 20, hour - 8, minute)).toISOString();
const day = { open: '09:00', close: '17:30' };
const HALL = {
  timeZone: 'Asia/Shanghai',
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: null, sun: null },
  calendar: { holidays: [], workdays: [] },
};
const EVENING = new Date(at(20));

const base = (time: string, clerk: string, window = 3) => ({ at: time, hallDay: DAY, actor: `staff:${clerk}`, window });
const login = (time: string, clerk: string, post: 'A' | 'B' = 'A'): WindowEntry => ({
  ...base(time, clerk),
  type: 'window.loggedIn',
  data: { command: { type: 'login', clerk, post } },
});
const logout = (time: string, clerk: string): WindowEntry => ({
  ...base(time, clerk),
  type: 'window.loggedOut',
  data: { command: { type: 'logout', clerk } },
});

/** One service by `clerk` at window 3, started and finished at the given times. */
function served(id: string, clerk: string, start: string, end: string): TicketEntry[] {
  const t = { ...base(start, clerk), ticketId: id, ticketNumber: id };
  return [
    {
      ...t,
      actor: 'kiosk:kiosk-1',
      type: 'ticket.issued',
      data: { windowType: 'personal', serviceItem: null, priority: null, appointment: null },
    },
    { ...t, type: 'ticket.called' },
    { ...t, type: 'ticket.started' },
    {
      ...t,
      at: end,
      type: 'ticket.finished',
      data: { windowType: 'personal', command: { type: 'finish', outcome: { kind: 'completed' } } },
    },
  ];
}

describe('attendance', () => {
  it("splits a clerk's day into on post, paused by reason, serving and idle", () => {
    const windows: WindowEntry[] = [
      login(at(9), 'c03'),
      { ...base(at(12), 'c03'), type: 'window.paused', data: { command: { type: 'pause', reason: 'lunch' } } },
      { ...base(at(13, 30), 'c03'), type: 'window.resumed' },
      logout(at(17), 'c03'),
    ];
    const [row] = attendance({ windows, tickets: served('A001', 'c03', at(10), at(10, 20)) }, HALL, EVENING);
    expect(row).toEqual({
      day: DAY,
      clerk: 'c03',
      onPostMinutes: 480,
      pausedMinutes: { lunch: 90, meeting: 0, away: 0, other: 0 },
      servingMinutes: 20,
      idleMinutes: 370,
      takeovers: 0,
    });
  });

  it('counts the B post taking over, at once or when the service ended, and ends the A post there', () => {
    const windows: WindowEntry[] = [
      login(at(9), 'c03'),
      login(at(11), 'c04', 'B'),
      { ...base(at(12), 'c04'), type: 'window.handedOver', data: { from: 'c04', to: 'c03', post: 'A' } },
      { ...base(at(14), 'c03'), type: 'window.handedOver', data: { from: 'c03', to: 'c04', post: 'B' } },
      logout(at(15), 'c04'),
    ];
    const rows = attendance({ windows, tickets: [] }, HALL, EVENING);
    expect(rows.map((r) => [r.clerk, r.onPostMinutes, r.takeovers])).toEqual([
      ['c03', 120 + 120, 0],
      ['c04', 60 + 60, 2],
    ]);
  });

  it('counts a window still held to the closing time, or to now while the day goes on', () => {
    const windows = [login(at(9), 'c03')];
    expect(attendance({ windows, tickets: [] }, HALL, EVENING)[0]!.onPostMinutes).toBe(510);
    expect(attendance({ windows, tickets: [] }, HALL, new Date(at(10, 15)))[0]!.onPostMinutes).toBe(75);
  });
});
