import { type Ticket, type TicketCommand, transition } from '@hallq/shared/domain';
import { describe, expect, it } from 'vitest';
import { currentTicket } from '../desk/selectors';
import { DEFAULT_POLICY } from '../desk/state';
import { AT, queue, snapshot, testCounter, ticket, windowState } from '../../test-services';
import { alerts, queueRows, ticketMarks } from './selectors';

describe('the queues of the window', () => {
  it('list each served type in the window’s order with its next numbers from the feed', () => {
    const panel = testCounter();
    panel.store.setState({ session: { ...panel.state().session!, window: 1 } }); // window 1 serves help, personal
    const elderly = ticket({ id: 'h1', number: 'M001', windowType: 'help', priority: 'elderly' });
    panel.online(
      snapshot({
        queues: [queue('help', { waiting: 1 }), queue('personal', { waiting: 0 })],
        tickets: [elderly],
      }),
    );
    const rows = queueRows(panel.state());
    expect(rows.map((r) => [r.code, r.name, r.waiting])).toEqual([
      ['help', '帮办代办', 1],
      ['personal', '个人综窗', 0],
    ]);
    expect(rows[0]!.next.map((t) => t.number)).toEqual(['M001']);
  });

  it('show the next five in the order the type calls them: priority before the others, then the oldest first', () => {
    const panel = testCounter();
    const waiting = [5, 3, 1, 2, 6, 4].map((n) =>
      ticket({ id: `id-A00${n}`, number: `A00${n}`, sequence: n, rank: n, priority: n === 6 ? 'pregnant' : null }),
    );
    const servedElsewhere = ticket({ id: 'id-A007', number: 'A007', sequence: 7, state: 'serving', window: 5 });
    panel.online(snapshot({ tickets: [...waiting, servedElsewhere] }));
    expect(queueRows(panel.state())[0]!.next.map((t) => t.number)).toEqual(['A006', 'A001', 'A002', 'A003', 'A004']);
  });
});

describe('the alerts', () => {
  it('raise empty posts and long waits only for the types this window serves', () => {
    const panel = testCounter(); // window 3 serves personal (target wait 20 min)
    panel.online(
      snapshot({
        emptyPosts: ['personal', 'tax'],
        queues: [
          queue('personal', { waiting: 4, longestWaitMinutes: 21 }),
          queue('tax', { waiting: 9, longestWaitMinutes: 90 }),
        ],
      }),
    );
    const now = alerts(panel.state());
    expect(now.emptyPosts.map((r) => r.code)).toEqual(['personal']);
    expect(now.longWaits.map((r) => [r.code, r.longestWaitMinutes, r.targetWaitMinutes])).toEqual([
      ['personal', 21, 20],
    ]);
  });

  it('do not call a wait long until it is past the target', () => {
    const panel = testCounter();
    panel.online(snapshot({ queues: [queue('personal', { waiting: 4, longestWaitMinutes: 20 })] }));
    expect(alerts(panel.state()).longWaits).toEqual([]);
  });
});

describe('ticket marks', () => {
  it('name the priority group, the window it came from and whether it was sent to this very window', () => {
    const t = ticket({
      priority: 'disabled',
      transfer: { fromWindow: 6, toWindowType: 'personal', toWindow: 3, note: '需补录' },
    });
    expect(ticketMarks(t, 3)).toEqual({
      priority: '残疾人',
      transfer: { fromWindow: 6, toThisWindow: true, note: '需补录' },
      appointment: false,
    });
  });

  it('keep the note of a ticket handed to this window on the current ticket from the call through the service', () => {
    const panel = testCounter();
    const transfer = { fromWindow: 6, toWindowType: 'personal', toWindow: 3, note: '户籍材料已核，只差签字' };
    const handed = ticket({ state: 'transferred', rank: 99, transfer });
    panel.online(snapshot({ tickets: [handed] }));
    // The tickets come from the domain's own transitions, as the server makes them.
    const ctx = { now: new Date(AT), policy: DEFAULT_POLICY };
    const at3 = { window: 3, clerk: 'c03' };
    const act = (t: Ticket, command: TicketCommand, atWindow: string | null): Ticket => {
      const result = transition(t, command, ctx);
      if (!result.ok) throw new Error(result.message);
      panel.stream(...result.events, { type: 'window.updated', window: windowState({ currentTicket: atWindow }) });
      return result.ticket;
    };
    const note = () => ticketMarks(currentTicket(panel.state())!, 3).transfer;
    const seen = { fromWindow: 6, toThisWindow: true, note: '户籍材料已核，只差签字' };

    const called = act(handed, { type: 'call', ...at3 }, handed.id);
    expect(note()).toEqual(seen);
    const serving = act(called, { type: 'start', ...at3 }, handed.id);
    expect(note()).toEqual(seen);
    const finished = act(serving, { type: 'finish', ...at3, outcome: { kind: 'completed' }, servedItems: [] }, null);
    expect(finished.transfer).toEqual(transfer);
    expect(currentTicket(panel.state())).toBeNull();
  });
});
