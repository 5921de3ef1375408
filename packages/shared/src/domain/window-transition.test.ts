import { describe, expect, it } from 'vitest';
import type { WindowState } from './window';
import { WindowState as WindowStateSchema } from './window';
import type { WindowTransitionResult } from './window-transition';
import { initialWindowState, windowTransition } from './window-transition';
import { makeWindow, shanghai } from '../testing/fixtures';

const now = shanghai('10:00');
const at = now.toISOString();

function accepted(result: WindowTransitionResult): WindowState {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  WindowStateSchema.parse(result.window);
  expect(result.events).toEqual([{ type: 'window.updated', window: result.window }]);
  return result.window;
}

describe('initialWindowState', () => {
  it('starts closed with nobody at it', () => {
    expect(initialWindowState(4, now)).toEqual({
      number: 4,
      status: 'closed',
      pauseReason: null,
      clerk: null,
      post: null,
      currentTicket: null,
      priorityStreak: 0,
      since: at,
      incoming: null,
    });
  });
});

describe('windowTransition: login', () => {
  it('opens a closed window for the clerk', () => {
    const window = accepted(
      windowTransition(initialWindowState(1, shanghai('08:00')), { type: 'login', clerk: 'a1', post: 'A' }, now),
    );
    expect(window).toMatchObject({ status: 'open', clerk: 'a1', post: 'A', since: at });
  });

  it('lets the B clerk take over an open window at once when nobody is served there', () => {
    const before = makeWindow(1, { clerk: 'a1', post: 'A' });
    const window = accepted(windowTransition(before, { type: 'login', clerk: 'b1', post: 'B' }, now));
    expect(window).toMatchObject({ status: 'open', clerk: 'b1', post: 'B', since: at, incoming: null });
  });

  it('takes nothing away mid-service: the other post waits, and the window passes when that service ends', () => {
    const serving = makeWindow(1, {
      clerk: 'b1',
      post: 'B',
      currentTicket: 't1',
      since: shanghai('09:00').toISOString(),
    });
    const waiting = accepted(windowTransition(serving, { type: 'login', clerk: 'a1', post: 'A' }, now));
    expect(waiting).toMatchObject({
      clerk: 'b1',
      post: 'B',
      currentTicket: 't1',
      incoming: { clerk: 'a1', post: 'A' },
    });

    const later = shanghai('10:07');
    const passed = accepted(windowTransition(waiting, { type: 'assign', ticketId: null }, later));
    expect(passed).toMatchObject({ clerk: 'a1', post: 'A', currentTicket: null, incoming: null });
    expect(passed.since).toBe(later.toISOString());
  });

  it('takes over citizen and all when told to (the clerk at the counter has gone)', () => {
    const before = makeWindow(1, { clerk: 'a1', post: 'A', currentTicket: 't1' });
    const window = accepted(windowTransition(before, { type: 'login', clerk: 'b1', post: 'B', now: true }, now));
    expect(window).toMatchObject({ clerk: 'b1', post: 'B', currentTicket: 't1', incoming: null, since: at });
  });

  it('forgets a waiting clerk who leaves again before the window passed', () => {
    const waiting = makeWindow(1, {
      clerk: 'b1',
      post: 'B',
      currentTicket: 't1',
      incoming: { clerk: 'a1', post: 'A', since: at },
    });
    const left = accepted(windowTransition(waiting, { type: 'logout', clerk: 'a1' }, now));
    expect(left).toMatchObject({ clerk: 'b1', currentTicket: 't1', incoming: null });
    expect(accepted(windowTransition(left, { type: 'assign', ticketId: null }, now)).clerk).toBe('b1');
  });

  it('reads a window stored before there were waiting clerks as having none', () => {
    const { incoming: _, ...stored } = makeWindow(1);
    expect(WindowStateSchema.parse(stored).incoming).toBeNull();
  });

  it('lets the B clerk take over a paused window, which stays paused', () => {
    const before = makeWindow(1, { status: 'paused', pauseReason: 'away', clerk: 'a1' });
    const window = accepted(windowTransition(before, { type: 'login', clerk: 'b1', post: 'B' }, now));
    expect(window).toMatchObject({ status: 'paused', pauseReason: 'away', clerk: 'b1', post: 'B' });
  });

  it('the same clerk logging in again (a reloaded page) changes nothing', () => {
    const before = makeWindow(1, { clerk: 'a1', post: 'A' });
    const window = accepted(windowTransition(before, { type: 'login', clerk: 'a1', post: 'A' }, now));
    expect(window).toEqual(before);
  });
});

describe('windowTransition: logout', () => {
  it('closes the window and resets the streak', () => {
    const before = makeWindow(1, { clerk: 'a1', priorityStreak: 2 });
    const window = accepted(windowTransition(before, { type: 'logout', clerk: 'a1' }, now));
    expect(window).toMatchObject({ status: 'closed', clerk: null, post: null, priorityStreak: 0, since: at });
  });

  it('closes a paused window too', () => {
    const before = makeWindow(1, { status: 'paused', pauseReason: 'lunch', clerk: 'a1' });
    expect(accepted(windowTransition(before, { type: 'logout', clerk: 'a1' }, now))).toMatchObject({
      status: 'closed',
      pauseReason: null,
    });
  });

  it('is refused while a ticket is called or served at the window', () => {
    const before = makeWindow(1, { clerk: 'a1', currentTicket: 't1' });
    expect(windowTransition(before, { type: 'logout', clerk: 'a1' }, now)).toEqual({
      ok: false,
      code: 'invalid_state',
      message: 'window 1 still has a called or served ticket; finish or transfer it before logging out',
    });
  });

  it('is refused for a clerk who was taken over, so a stale session cannot close the window on B', () => {
    const before = makeWindow(1, { clerk: 'b1', post: 'B' });
    expect(windowTransition(before, { type: 'logout', clerk: 'a1' }, now)).toMatchObject({
      ok: false,
      message: 'window 1 is staffed by b1 now, not a1',
    });
  });

  it('is refused on a closed window', () => {
    expect(windowTransition(initialWindowState(1, now), { type: 'logout', clerk: 'a1' }, now)).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
  });
});

describe('windowTransition: pause and resume', () => {
  it('pauses an open window with its reason, and resumes it', () => {
    const paused = accepted(windowTransition(makeWindow(1), { type: 'pause', reason: 'lunch' }, now));
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'lunch', since: at });
    const later = shanghai('13:30');
    const open = accepted(windowTransition(paused, { type: 'resume' }, later));
    expect(open).toMatchObject({ status: 'open', pauseReason: null, since: later.toISOString() });
  });

  it('refuses to pause while a ticket is called or served', () => {
    expect(
      windowTransition(makeWindow(1, { currentTicket: 't1' }), { type: 'pause', reason: 'away' }, now),
    ).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
  });

  it('refuses to pause a paused or closed window', () => {
    const paused = makeWindow(1, { status: 'paused', pauseReason: 'away' });
    expect(windowTransition(paused, { type: 'pause', reason: 'lunch' }, now).ok).toBe(false);
    expect(windowTransition(initialWindowState(1, now), { type: 'pause', reason: 'lunch' }, now).ok).toBe(false);
  });

  it('refuses to resume a window that is not paused', () => {
    expect(windowTransition(makeWindow(1), { type: 'resume' }, now)).toEqual({
      ok: false,
      code: 'invalid_state',
      message: 'window 1 is open; only a paused window can resume',
    });
    expect(windowTransition(initialWindowState(1, now), { type: 'resume' }, now).ok).toBe(false);
  });
});

describe('windowTransition: assign', () => {
  it('sets the called ticket with the new priority streak, and clears it after', () => {
    const called = accepted(
      windowTransition(makeWindow(1), { type: 'assign', ticketId: 't1', priorityStreak: 1 }, now),
    );
    expect(called).toMatchObject({ currentTicket: 't1', priorityStreak: 1 });
    const done = accepted(windowTransition(called, { type: 'assign', ticketId: null }, now));
    expect(done).toMatchObject({ currentTicket: null, priorityStreak: 1 });
  });

  it('does not move "since": the window status has not changed', () => {
    const before = makeWindow(1);
    expect(accepted(windowTransition(before, { type: 'assign', ticketId: 't1' }, now)).since).toBe(before.since);
  });

  it('refuses a second ticket while one is at the window', () => {
    const busy = makeWindow(1, { currentTicket: 't1' });
    expect(windowTransition(busy, { type: 'assign', ticketId: 't2' }, now)).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
    expect(windowTransition(busy, { type: 'assign', ticketId: 't1' }, now).ok).toBe(true);
  });

  it('refuses to call at a paused or closed window, but always lets a ticket go', () => {
    const paused = makeWindow(1, { status: 'paused', pauseReason: 'away' });
    expect(windowTransition(paused, { type: 'assign', ticketId: 't1' }, now).ok).toBe(false);
    expect(windowTransition(initialWindowState(1, now), { type: 'assign', ticketId: 't1' }, now).ok).toBe(false);
    expect(windowTransition(paused, { type: 'assign', ticketId: null }, now).ok).toBe(true);
  });
});
