import { describe, expect, it } from 'vitest';
import { QueuePolicy } from '../config/hall-config';
import { makeWindow, policy, ticketInState } from '../testing/fixtures';
import type { Ticket, TicketState } from './ticket';
import type { WindowState } from './window';
import { allowedWindowActions, type WindowActionName, type WindowActions } from './window-actions';

const enabled = (actions: WindowActions): WindowActionName[] =>
  (Object.keys(actions) as WindowActionName[]).filter((name) => actions[name].enabled);

const reasonOf = (actions: WindowActions, name: WindowActionName) => {
  const check = actions[name];
  return check.enabled ? null : check.reason;
};

/** Window 1, open, with `ticket` in play there. */
const windowWith = (ticket: Ticket | null, fields: Partial<WindowState> = {}) =>
  makeWindow(1, { clerk: 'c1', currentTicket: ticket?.id ?? null, ...fields });

const allowed = (ticket: Ticket | null, fields: Partial<WindowState> = {}, p = policy) =>
  allowedWindowActions(ticket, windowWith(ticket, fields), p);

describe('allowedWindowActions', () => {
  it('lets an open window with nobody in play call the next ticket or pause, and act on no ticket', () => {
    const actions = allowed(null);
    expect(enabled(actions)).toEqual(['callNext', 'pause']);
    expect(reasonOf(actions, 'recall')).toEqual({ code: 'no_ticket' });
    expect(reasonOf(actions, 'finish')).toEqual({ code: 'no_ticket' });
    expect(reasonOf(actions, 'resume')).toEqual({ code: 'window_status', status: 'open' });
  });

  it.each<[TicketState, WindowActionName[]]>([
    ['called', ['recall', 'start', 'transfer']],
    ['serving', ['finish', 'transfer']],
    ['waiting', []],
    ['transferred', []],
    ['finished', []],
    ['no_show', []],
    ['cancelled', []],
  ])('offers for a %s ticket in play only what its transition accepts: %j', (state, expected) => {
    const ticket = ticketInState(state);
    const actions = allowed(ticket);
    expect(enabled(actions)).toEqual(expected);
    // The window is taken while a ticket is in play, whatever its state.
    expect(reasonOf(actions, 'callNext')).toEqual({ code: 'ticket_in_play' });
    expect(reasonOf(actions, 'pause')).toEqual({ code: 'ticket_in_play' });
  });

  it('says which state refused an action on the ticket', () => {
    const serving = ticketInState('serving');
    expect(reasonOf(allowed(serving), 'recall')).toEqual({ code: 'invalid_state', ticket: serving });
    const called = ticketInState('called');
    expect(reasonOf(allowed(called), 'finish')).toEqual({ code: 'invalid_state', ticket: called });
  });

  it('offers no-show once the ticket has been called as often as the hall asks, saying how often so far', () => {
    const once = ticketInState('called', { calls: 1 });
    expect(reasonOf(allowed(once), 'noShow')).toEqual({ code: 'not_enough_calls', calls: 1, needed: 2 });
    expect(allowed(ticketInState('called', { calls: 2 })).noShow.enabled).toBe(true);
    const threeCalls = QueuePolicy.parse({ noShowAfterCalls: 3 });
    expect(reasonOf(allowed(ticketInState('called', { calls: 2 }), {}, threeCalls), 'noShow')).toEqual({
      code: 'not_enough_calls',
      calls: 2,
      needed: 3,
    });
  });

  it('refuses actions on a ticket called at another window', () => {
    const elsewhere = ticketInState('called', { window: 2 });
    const actions = allowed(elsewhere);
    expect(enabled(actions)).toEqual([]);
    expect(reasonOf(actions, 'recall')).toEqual({ code: 'wrong_window', ticket: elsewhere });
  });

  it('acts only on the ticket the window has in play', () => {
    const called = ticketInState('called');
    const actions = allowedWindowActions(called, windowWith(null), policy);
    expect(enabled(actions)).toEqual(['callNext', 'pause']);
    expect(reasonOf(actions, 'recall')).toEqual({ code: 'no_ticket' });
  });

  it('keeps the window taken while it names a ticket the caller does not have (one left from an earlier day)', () => {
    const actions = allowedWindowActions(null, makeWindow(1, { clerk: 'c1', currentTicket: 'yesterday-7' }), policy);
    expect(enabled(actions)).toEqual([]);
    expect(reasonOf(actions, 'callNext')).toEqual({ code: 'ticket_in_play' });
    expect(reasonOf(actions, 'start')).toEqual({ code: 'no_ticket' });
  });

  it('lets a paused window only resume, and a closed one nothing, naming the status', () => {
    const paused = allowed(null, { status: 'paused', pauseReason: 'lunch' });
    expect(enabled(paused)).toEqual(['resume']);
    expect(reasonOf(paused, 'callNext')).toEqual({ code: 'window_status', status: 'paused' });
    expect(reasonOf(paused, 'pause')).toEqual({ code: 'window_status', status: 'paused' });
    const closed = allowed(null, { status: 'closed', clerk: null, post: null });
    expect(enabled(closed)).toEqual([]);
    expect(reasonOf(closed, 'callNext')).toEqual({ code: 'window_status', status: 'closed' });
    expect(reasonOf(closed, 'resume')).toEqual({ code: 'window_status', status: 'closed' });
  });
});
