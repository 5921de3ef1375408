import { describe, expect, it } from 'vitest';
import type { HallEvent } from '../contracts/events';
import type { Ticket, TicketState } from './ticket';
import { Ticket as TicketSchema } from './ticket';
import type { DomainEvent, TicketCommand, TransitionResult } from './transition';
import { KIOSK_CANCEL_MINUTES, kioskCancelRefusal, newTicket, transition } from './transition';
import { policy, shanghai, ticketInState } from '../testing/fixtures';

const now = shanghai('10:00');
const ctx = { now, policy };
const run = (ticket: Ticket, command: TicketCommand) => transition(ticket, command, ctx);

function accepted(result: TransitionResult): { ticket: Ticket; events: DomainEvent[] } {
  if (!result.ok) throw new Error(`refused: ${result.code}: ${result.message}`);
  // Every ticket the domain makes must still satisfy the shared schema.
  TicketSchema.parse(result.ticket);
  return result;
}

const ALL_STATES: TicketState[] = ['waiting', 'called', 'serving', 'finished', 'no_show', 'cancelled', 'transferred'];

const at1 = { window: 1, clerk: 'c1' };
const commands: Record<TicketCommand['type'], { command: TicketCommand; allowed: TicketState[] }> = {
  call: { command: { type: 'call', ...at1 }, allowed: ['waiting', 'transferred'] },
  recall: { command: { type: 'recall', ...at1 }, allowed: ['called'] },
  start: { command: { type: 'start', ...at1 }, allowed: ['called'] },
  finish: {
    command: { type: 'finish', ...at1, outcome: { kind: 'completed' }, servedItems: [] },
    allowed: ['serving'],
  },
  transfer: { command: { type: 'transfer', ...at1, toWindowType: 'social' }, allowed: ['called', 'serving'] },
  noShow: { command: { type: 'noShow', ...at1 }, allowed: ['called'] },
  cancel: { command: { type: 'cancel', by: 'citizen' }, allowed: ['waiting', 'transferred', 'called'] },
  reactivate: { command: { type: 'reactivate', hallDay: '2026-11-23', rank: 5 }, allowed: ['no_show'] },
};

describe('newTicket', () => {
  it('issues a waiting ticket numbered from its prefix and sequence, ranked by the issue instant', () => {
    const ticket = newTicket({
      id: 't1',
      hallDay: '2026-11-23',
      windowType: 'general',
      prefix: 'A',
      sequence: 7,
      serviceItem: null,
      priority: 'elderly',
      appointment: null,
      now,
    });
    expect(TicketSchema.parse(ticket)).toEqual(ticket);
    expect(ticket).toMatchObject({
      number: 'A007',
      state: 'waiting',
      calls: 0,
      rank: now.getTime(),
      priority: 'elderly',
    });
    expect(ticket.issuedAt).toBe(now.toISOString());
  });
});

describe('transition: which states each command accepts', () => {
  for (const [type, { command, allowed }] of Object.entries(commands)) {
    for (const state of ALL_STATES) {
      const ticket = ticketInState(state, type === 'noShow' ? { calls: policy.noShowAfterCalls } : {});
      if (allowed.includes(state)) {
        it(`${type} is accepted on a ${state} ticket`, () => {
          expect(run(ticket, command).ok).toBe(true);
        });
      } else {
        it(`${type} is refused on a ${state} ticket with invalid_state`, () => {
          const result = run(ticket, command);
          expect(result).toMatchObject({ ok: false, code: 'invalid_state' });
          if (!result.ok) expect(result.message).toContain(`ticket ${ticket.number} is`);
        });
      }
    }
  }

  it('explains a refusal in words', () => {
    expect(run(ticketInState('finished'), commands.call.command)).toEqual({
      ok: false,
      code: 'invalid_state',
      message: 'ticket A001 is finished; only a waiting or transferred ticket can be called',
    });
  });
});

describe('transition: call', () => {
  it('calls a waiting ticket to the window', () => {
    const { ticket, events } = accepted(run(ticketInState('waiting'), { type: 'call', window: 3, clerk: 'c9' }));
    expect(ticket).toMatchObject({ state: 'called', calls: 1, window: 3, clerk: 'c9', calledAt: now.toISOString() });
    expect(events).toEqual([{ type: 'ticket.called', ticket, window: 3 }]);
  });

  it('calls a transferred ticket, clearing the previous window’s outcome but not the transfer it was sent with', () => {
    const before = ticketInState('transferred', {
      outcome: { kind: 'transferred', toWindowType: 'general' },
      transfer: { fromWindow: 2, toWindowType: 'general' },
    });
    const { ticket } = accepted(run(before, commands.call.command));
    expect(ticket).toMatchObject({
      state: 'called',
      transfer: { fromWindow: 2, toWindowType: 'general' },
      outcome: null,
      startedAt: null,
      calls: 1,
    });
  });

  it('keeps the transfer note for the receiving window through the call, the service and the finish', () => {
    const transfer = { fromWindow: 2, toWindowType: 'general', toWindow: 1, note: '社保卡挂失，材料已核' };
    let ticket = ticketInState('transferred', { transfer });
    for (const command of [
      commands.call.command,
      commands.recall.command,
      commands.start.command,
      commands.finish.command,
    ]) {
      ticket = accepted(run(ticket, command)).ticket;
      expect(ticket.transfer, command.type).toEqual(transfer);
    }
    expect(ticket.state).toBe('finished');
  });

  it('refuses a ticket handed to another window by name', () => {
    const before = ticketInState('transferred', { transfer: { fromWindow: 2, toWindowType: 'general', toWindow: 5 } });
    expect(run(before, commands.call.command)).toEqual({
      ok: false,
      code: 'wrong_window',
      message: 'ticket A001 was handed to window 5, not window 1',
    });
    expect(run(before, { type: 'call', window: 5, clerk: 'c5' }).ok).toBe(true);
  });
});

describe('transition: recall', () => {
  it('counts the call and announces it, keeping the first call time', () => {
    const before = ticketInState('called');
    const { ticket, events } = accepted(run(before, { type: 'recall', window: 1, clerk: 'c2' }));
    expect(ticket).toMatchObject({ state: 'called', calls: 2, clerk: 'c2', calledAt: before.calledAt });
    expect(events).toEqual([{ type: 'ticket.recalled', ticket, window: 1 }]);
  });
});

describe('transition: start', () => {
  it('starts serving a called ticket', () => {
    const before = ticketInState('called');
    const { ticket, events } = accepted(run(before, commands.start.command));
    expect(ticket).toMatchObject({ state: 'serving', startedAt: now.toISOString(), window: 1 });
    expect(events).toEqual([{ type: 'ticket.updated', ticket, previousState: 'called' }]);
  });
});

describe('transition: finish', () => {
  it('finishes a served ticket with its outcome and the items served', () => {
    const outcome = { kind: 'accepted', promisedDate: '2026-11-30' } as const;
    const command = { type: 'finish', ...at1, outcome, servedItems: ['SB-01', 'SB-02'] } as const;
    const { ticket, events } = accepted(run(ticketInState('serving'), command));
    expect(ticket).toMatchObject({ state: 'finished', outcome, finishedAt: now.toISOString(), window: 1 });
    expect(ticket.servedItems).toEqual(['SB-01', 'SB-02']);
    expect(events).toEqual([{ type: 'ticket.updated', ticket, previousState: 'serving' }]);
  });

  it('with a transferred outcome, transfers the ticket and records the outcome', () => {
    const outcome = { kind: 'transferred', toWindowType: 'social', toWindow: 2, note: '社保补缴' } as const;
    const { ticket } = accepted(run(ticketInState('serving'), { type: 'finish', ...at1, outcome, servedItems: [] }));
    expect(ticket).toMatchObject({
      state: 'transferred',
      servedItems: [],
      windowType: 'social',
      transfer: { fromWindow: 1, toWindowType: 'social', toWindow: 2, note: '社保补缴' },
      outcome,
      window: null,
      clerk: null,
      calls: 0,
      finishedAt: null,
      rank: now.getTime(),
    });
  });

  it('throws when a transferred outcome has not been resolved to a window type (a caller bug)', () => {
    const outcome = { kind: 'transferred', toWindow: 2 } as const;
    expect(() => run(ticketInState('serving'), { type: 'finish', ...at1, outcome, servedItems: [] })).toThrow(
      TypeError,
    );
  });
});

describe('transition: transfer', () => {
  it('moves a called or served ticket to the queue of another type, ranked by the transfer time', () => {
    for (const state of ['called', 'serving'] as const) {
      const { ticket, events } = accepted(
        run(ticketInState(state), { type: 'transfer', ...at1, toWindowType: 'social', note: 'needs 社保' }),
      );
      expect(ticket).toMatchObject({
        state: 'transferred',
        windowType: 'social',
        transfer: { fromWindow: 1, toWindowType: 'social', note: 'needs 社保' },
        window: null,
        clerk: null,
        calls: 0,
        calledAt: null,
        startedAt: null,
        outcome: null,
        rank: now.getTime(),
      });
      expect(ticket.transfer).not.toHaveProperty('toWindow');
      expect(events).toEqual([{ type: 'ticket.updated', ticket, previousState: state }]);
    }
  });

  it('can name the window it goes to', () => {
    const { ticket } = accepted(
      run(ticketInState('called'), { type: 'transfer', ...at1, toWindowType: 'social', toWindow: 2 }),
    );
    expect(ticket.transfer).toEqual({ fromWindow: 1, toWindowType: 'social', toWindow: 2 });
  });
});

describe('transition: noShow', () => {
  it('is refused until the ticket has been called often enough, saying how often', () => {
    expect(run(ticketInState('called', { calls: 1 }), commands.noShow.command)).toEqual({
      ok: false,
      code: 'not_enough_calls',
      message: 'ticket A001 has been called 1 time; it can be marked no-show after 2 calls',
    });
  });

  it('marks a ticket called often enough, keeping the window that gave up on it', () => {
    const { ticket, events } = accepted(run(ticketInState('called', { calls: 2 }), commands.noShow.command));
    expect(ticket).toMatchObject({ state: 'no_show', window: 1, calls: 2 });
    expect(events).toEqual([{ type: 'ticket.updated', ticket, previousState: 'called' }]);
  });

  it('follows the policy', () => {
    const strict = { ...policy, noShowAfterCalls: 3 };
    expect(
      transition(ticketInState('called', { calls: 2 }), commands.noShow.command, { now, policy: strict }),
    ).toMatchObject({
      code: 'not_enough_calls',
    });
  });
});

describe('transition: cancel', () => {
  it('cancels a waiting, transferred or called ticket', () => {
    for (const state of ['waiting', 'transferred', 'called'] as const) {
      const { ticket, events } = accepted(run(ticketInState(state), { type: 'cancel', by: 'staff', reason: 'left' }));
      expect(ticket.state).toBe('cancelled');
      expect(events).toEqual([{ type: 'ticket.updated', ticket, previousState: state }]);
    }
  });

  it('lets a kiosk cancel only its own waiting ticket, within KIOSK_CANCEL_MINUTES of issue', () => {
    const issuedAt = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
    const fresh = ticketInState('waiting', { issuedAt: issuedAt(1) });
    expect(kioskCancelRefusal(fresh, true, now)).toBeNull();
    expect(kioskCancelRefusal({ ...fresh, issuedAt: issuedAt(KIOSK_CANCEL_MINUTES) }, true, now)).toBeNull();
    expect(kioskCancelRefusal(fresh, false, now)).toEqual({
      code: 'forbidden',
      message: 'ticket A001 was not issued at this kiosk; only staff may cancel it',
    });
    expect(kioskCancelRefusal({ ...fresh, issuedAt: issuedAt(KIOSK_CANCEL_MINUTES + 1) }, true, now)).toEqual({
      code: 'forbidden',
      message: 'ticket A001 was issued more than 10 minutes ago; only staff may cancel it now',
    });
    expect(kioskCancelRefusal(ticketInState('called', { issuedAt: issuedAt(1) }), true, now)).toEqual({
      code: 'invalid_state',
      message: 'ticket A001 is called at window 1; a kiosk cancels only a waiting ticket; staff may cancel it',
    });
    for (const state of ['serving', 'transferred', 'cancelled', 'finished'] as const) {
      expect(kioskCancelRefusal(ticketInState(state, { issuedAt: issuedAt(1) }), true, now)?.code).toBe(
        'invalid_state',
      );
    }
  });
});

describe('transition: reactivate', () => {
  it('puts a no-show ticket of today back in the queue at the given rank', () => {
    const before = ticketInState('no_show', { calls: 2 });
    const { ticket, events } = accepted(run(before, { type: 'reactivate', hallDay: '2026-11-23', rank: 1234.5 }));
    expect(ticket).toMatchObject({
      state: 'waiting',
      calls: 0,
      window: null,
      clerk: null,
      calledAt: null,
      rank: 1234.5,
    });
    expect(events).toEqual([{ type: 'ticket.updated', ticket, previousState: 'no_show' }]);
  });

  it('lets any window of its type call a reactivated no-show that had been handed to one window', () => {
    const transfer = { fromWindow: 2, toWindowType: 'general', toWindow: 5, note: '需补录' };
    const gone = ticketInState('no_show', { calls: 2, window: 5, transfer });
    const { ticket } = accepted(run(gone, { type: 'reactivate', hallDay: '2026-11-23', rank: 1 }));
    expect(accepted(run(ticket, commands.call.command)).ticket).toMatchObject({ state: 'called', window: 1 });
  });

  it('refuses a no-show ticket of another day: tickets are valid on their day only (当日有效)', () => {
    expect(run(ticketInState('no_show'), { type: 'reactivate', hallDay: '2026-11-24', rank: 1 })).toEqual({
      ok: false,
      code: 'other_day',
      message: 'ticket A001 is from 2026-11-23; only a ticket of today (2026-11-24) can be reactivated',
    });
  });
});

describe('transition: wrong window', () => {
  const windowCommands = (['call', 'recall', 'start', 'finish', 'transfer', 'noShow'] as const).map((type) => ({
    ...commands[type].command,
    window: 2,
  })) as TicketCommand[];

  for (const command of windowCommands) {
    for (const state of ['called', 'serving'] as const) {
      it(`${command.type} at window 2 is refused on a ticket ${state} at window 1`, () => {
        const result = run(ticketInState(state, { calls: 2 }), command);
        expect(result).toMatchObject({ ok: false, code: 'wrong_window' });
      });
    }
  }

  it('names both windows', () => {
    expect(run(ticketInState('serving'), { type: 'start', window: 2, clerk: 'c2' })).toEqual({
      ok: false,
      code: 'wrong_window',
      message: 'ticket A001 is being served at window 1, not window 2',
    });
  });
});

describe('domain events', () => {
  it('are hall events the realtime stream can carry as they are', () => {
    const result = accepted(run(ticketInState('waiting'), commands.call.command));
    const events: HallEvent[] = result.events;
    expect(events).toHaveLength(1);
  });
});
