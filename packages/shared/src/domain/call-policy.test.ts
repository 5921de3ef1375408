import { describe, expect, it } from 'vitest';
import type { Ticket } from './ticket';
import type { WindowState } from './window';
import type { CallReason } from './call-policy';
import { CALL_CLASSES, orderQueue, peopleAhead, peopleAheadOfNew, pickNext, reactivationRank } from './call-policy';
import { makeTicket, makeWindow, policy, shanghai, testHall, windowConfig } from '../testing/fixtures';

const hall = testHall();
const window1 = windowConfig(hall, 1); // serves general, then social; preference
const window2 = windowConfig(hall, 2); // serves social, general; longest_wait
const now = shanghai('10:00');

const appointmentAt = (time: string) => ({ code: `APT-${time}`, slotStart: shanghai(time).toISOString() });
const transferredTo = (toWindowType: string, toWindow?: number) => ({
  state: 'transferred' as const,
  windowType: toWindowType,
  transfer: { fromWindow: 9, toWindowType, ...(toWindow !== undefined ? { toWindow } : {}) },
});

/** Calls at a window until nobody is left, as the server would: remove the called ticket, keep the streak. */
function callAll(tickets: Ticket[], windowConfigNumber = 1, burst = policy.priorityBurst) {
  const config = windowConfig(hall, windowConfigNumber);
  let state: WindowState = makeWindow(config.number);
  let queued = [...tickets];
  const calls: { number: string; reason: CallReason }[] = [];
  for (
    let pick = pickNext({ window: config, state, queued, policy: { ...policy, priorityBurst: burst }, now });
    pick;
  ) {
    calls.push({ number: pick.ticket.number, reason: pick.reason });
    state = { ...state, priorityStreak: pick.priorityStreak };
    const id = pick.ticket.id;
    queued = queued.filter((t) => t.id !== id);
    pick = pickNext({ window: config, state, queued, policy: { ...policy, priorityBurst: burst }, now });
  }
  return calls;
}

describe('pickNext: the order of classes', () => {
  it('calls transferred-to-this-window, transferred-to-type, due appointments, priority, then normal', () => {
    const tickets = [
      makeTicket({ sequence: 1 }), // normal, oldest of all
      makeTicket({ sequence: 2, priority: 'elderly' }),
      makeTicket({ sequence: 3, appointment: appointmentAt('09:30') }),
      makeTicket({ sequence: 4, ...transferredTo('social') }),
      // Handed to window 1 by name, even of a type window 1 does not serve.
      makeTicket({ sequence: 5, ...transferredTo('help', 1) }),
    ];
    expect(callAll(tickets)).toEqual([
      { number: 'C005', reason: 'transferred_to_window' },
      { number: 'B004', reason: 'transferred_to_type' },
      { number: 'A003', reason: 'appointment' },
      { number: 'A002', reason: 'priority' },
      { number: 'A001', reason: 'normal' },
    ]);
  });

  it('returns null when nobody it serves waits', () => {
    const others = [
      makeTicket({ sequence: 1, windowType: 'help' }),
      makeTicket({ sequence: 2, ...transferredTo('general', 2) }),
    ];
    expect(pickNext({ window: window1, state: makeWindow(1), queued: others, policy, now })).toBeNull();
    expect(pickNext({ window: window1, state: makeWindow(1), queued: [], policy, now })).toBeNull();
  });

  it('leaves a ticket handed to another window by name to that window', () => {
    const tickets = [makeTicket({ sequence: 1, ...transferredTo('general', 2) }), makeTicket({ sequence: 2 })];
    expect(pickNext({ window: window1, state: makeWindow(1), queued: tickets, policy, now })?.ticket.number).toBe(
      'A002',
    );
    expect(pickNext({ window: window2, state: makeWindow(2), queued: tickets, policy, now })?.reason).toBe(
      'transferred_to_window',
    );
  });

  it('ignores tickets that are not queued', () => {
    const tickets = [
      makeTicket({ sequence: 1, state: 'called', window: 2, calls: 1 }),
      makeTicket({ sequence: 2, state: 'no_show' }),
      makeTicket({ sequence: 3 }),
    ];
    expect(pickNext({ window: window1, state: makeWindow(1), queued: tickets, policy, now })?.ticket.number).toBe(
      'A003',
    );
  });

  it('treats an appointment checked in before its slot by its other traits until the slot starts', () => {
    const early = makeTicket({ sequence: 1, appointment: appointmentAt('10:30') });
    const later = makeTicket({ sequence: 2, priority: 'pregnant' });
    const pick = (at: Date) =>
      pickNext({ window: window1, state: makeWindow(1), queued: [early, later], policy, now: at });
    expect(pick(now)).toMatchObject({ ticket: { number: 'A002' }, reason: 'priority' });
    expect(pick(shanghai('10:30'))).toMatchObject({ ticket: { number: 'A001' }, reason: 'appointment' });
  });
});

describe('CALL_CLASSES', () => {
  // One queued ticket of each class, the normal one oldest: only the class can put the others first.
  const oneOfEach = [
    makeTicket({ sequence: 1 }),
    makeTicket({ sequence: 2, priority: 'military' }),
    makeTicket({ sequence: 3, appointment: appointmentAt('09:45') }),
    makeTicket({ sequence: 4, ...transferredTo('general') }),
    makeTicket({ sequence: 5, ...transferredTo('general', 1) }),
  ];

  it('is the calling order: a window calls one ticket of each class in the order of the list', () => {
    expect(callAll([...oneOfEach].reverse()).map((c) => c.reason)).toEqual(CALL_CLASSES.map((c) => c.name));
  });

  it("is the order of a type's own line, where a ticket handed to a window ranks among the transferred", () => {
    expect(orderQueue([...oneOfEach].reverse(), now).map((t) => t.number)).toEqual([
      'A004',
      'A005',
      'A003',
      'A002',
      'A001',
    ]);
  });
});

describe('pickNext: call modes', () => {
  const tickets = [
    makeTicket({ sequence: 1, windowType: 'social' }), // oldest
    makeTicket({ sequence: 2, windowType: 'general' }),
    makeTicket({ sequence: 3, windowType: 'general' }),
  ];

  it('preference: the first served type with a ticket, oldest within it', () => {
    expect(callAll(tickets, 1).map((c) => c.number)).toEqual(['A002', 'A003', 'B001']);
  });

  it('longest wait: the oldest ticket of any served type', () => {
    expect(callAll(tickets, 2).map((c) => c.number)).toEqual(['B001', 'A002', 'A003']);
  });

  it('applies within a class too (priority tickets of both types)', () => {
    const priority = tickets.map((t) => ({ ...t, priority: 'disabled' as const }));
    expect(callAll(priority, 1).map((c) => c.number)).toEqual(['A002', 'A003', 'B001']);
    expect(callAll(priority, 2).map((c) => c.number)).toEqual(['B001', 'A002', 'A003']);
  });

  it('breaks equal ranks by sequence, then id, whatever the input order', () => {
    const rank = now.getTime();
    const tied = [
      makeTicket({ sequence: 7, rank, id: 'b' }),
      makeTicket({ sequence: 7, rank, id: 'a', windowType: 'general' }),
      makeTicket({ sequence: 6, rank }),
    ];
    const expected = ['general-6', 'a', 'b'];
    expect(orderQueue(tied, now).map((t) => t.id)).toEqual(expected);
    expect(orderQueue([...tied].reverse(), now).map((t) => t.id)).toEqual(expected);
    expect(
      pickNext({ window: window1, state: makeWindow(1), queued: [...tied].reverse(), policy, now })?.ticket.id,
    ).toBe('general-6');
  });
});

describe('pickNext: priority burst', () => {
  const normals = [1, 2].map((sequence) => makeTicket({ sequence }));
  const priorities = [3, 4, 5, 6, 7].map((sequence) => makeTicket({ sequence, priority: 'elderly' }));

  it('a priority ticket is not called a third time in a row while a normal ticket waits', () => {
    expect(callAll([...normals, ...priorities]).map((c) => c.number)).toEqual([
      'A003',
      'A004',
      'A001',
      'A005',
      'A006',
      'A002',
      'A007',
    ]);
  });

  it('follows the configured burst', () => {
    expect(callAll([...normals, ...priorities], 1, 1).map((c) => c.number)).toEqual([
      'A003',
      'A001',
      'A004',
      'A002',
      'A005',
      'A006',
      'A007',
    ]);
  });

  it('counts the streak up while a normal ticket waits, and resets it when a normal ticket is called', () => {
    const state = makeWindow(1, { priorityStreak: 1 });
    const queued = [...normals, ...priorities];
    expect(pickNext({ window: window1, state, queued, policy, now })).toMatchObject({
      reason: 'priority',
      priorityStreak: 2,
    });
    const full = makeWindow(1, { priorityStreak: 2 });
    expect(pickNext({ window: window1, state: full, queued, policy, now })).toMatchObject({
      reason: 'normal',
      priorityStreak: 0,
    });
  });

  it('calls priority tickets without limit while no normal ticket waits, keeping the streak at 0', () => {
    const state = makeWindow(1, { priorityStreak: 2 });
    expect(pickNext({ window: window1, state, queued: priorities, policy, now })).toMatchObject({
      ticket: { number: 'A003' },
      priorityStreak: 0,
    });
  });

  it('counts normal tickets of any served type as waiting', () => {
    const state = makeWindow(1, { priorityStreak: 2 });
    const queued = [...priorities, makeTicket({ sequence: 1, windowType: 'social' })];
    expect(pickNext({ window: window1, state, queued, policy, now })).toMatchObject({
      ticket: { number: 'B001' },
      reason: 'normal',
    });
  });

  it('leaves the streak alone when it calls a transferred or appointment ticket', () => {
    const state = makeWindow(1, { priorityStreak: 1 });
    const queued = [...normals, makeTicket({ sequence: 9, appointment: appointmentAt('09:00') })];
    expect(pickNext({ window: window1, state, queued, policy, now })).toMatchObject({
      reason: 'appointment',
      priorityStreak: 1,
    });
  });

  it('does not starve normal tickets under an endless stream of priority tickets', () => {
    let state: WindowState = makeWindow(1);
    let queued: Ticket[] = [1, 2, 3].map((sequence) => makeTicket({ sequence }));
    let sequence = 100;
    const calledNormals: string[] = [];
    for (let call = 0; call < 30; call++) {
      // Two new priority tickets arrive before every call: they alone could fill the window forever.
      queued.push(
        makeTicket({ sequence: sequence++, priority: 'elderly' }),
        makeTicket({ sequence: sequence++, priority: 'military' }),
      );
      const pick = pickNext({ window: window1, state, queued, policy, now });
      if (!pick) throw new Error('someone is always waiting');
      if (pick.reason === 'normal') calledNormals.push(pick.ticket.number);
      state = { ...state, priorityStreak: pick.priorityStreak };
      queued = queued.filter((t) => t.id !== pick.ticket.id);
    }
    expect(calledNormals).toEqual(['A001', 'A002', 'A003']);
  });
});

describe('orderQueue and peopleAhead', () => {
  const queue = [
    makeTicket({ sequence: 1 }),
    makeTicket({ sequence: 2, priority: 'elderly' }),
    makeTicket({ sequence: 3 }),
    makeTicket({ sequence: 4, ...transferredTo('general', 2) }),
    makeTicket({ sequence: 5, state: 'called', window: 1, calls: 1 }),
    makeTicket({ sequence: 1, windowType: 'social' }),
  ];

  it('orders a queue by class then rank, dropping tickets that are not queued', () => {
    const general = queue.filter((t) => t.windowType === 'general');
    expect(orderQueue(general, now).map((t) => t.number)).toEqual(['A004', 'A002', 'A001', 'A003']);
  });

  it('counts the queued tickets of the same type called before a ticket', () => {
    const [a1, a2, a3] = queue as [Ticket, Ticket, Ticket];
    expect(peopleAhead(a2, queue, now)).toBe(1); // the transferred A004
    expect(peopleAhead(a1, queue, now)).toBe(2);
    expect(peopleAhead(a3, queue, now)).toBe(3);
  });

  it('works for a ticket about to be issued (not yet in the list)', () => {
    const fresh = makeTicket({ sequence: 6, rank: now.getTime() });
    expect(peopleAhead(fresh, queue, now)).toBe(4);
    expect(peopleAhead(makeTicket({ sequence: 2, windowType: 'social', rank: now.getTime() }), queue, now)).toBe(1);
  });

  it('counts the same for a new ticket by the constant-time path, normal or priority', () => {
    const general = orderQueue(
      queue.filter((t) => t.windowType === 'general'),
      now,
    );
    const normal = makeTicket({ sequence: 6, rank: now.getTime() });
    const elderly = makeTicket({ sequence: 7, rank: now.getTime(), priority: 'elderly' });
    const queued = { count: general.length, list: () => general };
    expect(peopleAheadOfNew(normal, queued, now)).toBe(peopleAhead(normal, general, now));
    expect(peopleAheadOfNew(elderly, queued, now)).toBe(peopleAhead(elderly, general, now));
    expect(peopleAheadOfNew(elderly, queued, now)).toBe(2);
  });
});

describe('reactivationRank', () => {
  const line = [1, 2, 3, 4, 5].map((sequence) => makeTicket({ sequence, rank: sequence * 1000 }));

  it('goes `behind` places after the head of the normal queue, between two ranks', () => {
    expect(reactivationRank(line, 3, now)).toBe(3500);
    const placed = makeTicket({ sequence: 99, rank: reactivationRank(line, 3, now) });
    expect(peopleAhead(placed, line, now)).toBe(3);
  });

  it('goes to the head when behind is 0', () => {
    expect(reactivationRank(line, 0, now)).toBe(999);
  });

  it('goes to the end when the queue is shorter', () => {
    expect(reactivationRank(line.slice(0, 2), 3, now)).toBe(now.getTime());
    const future = [makeTicket({ sequence: 1, rank: now.getTime() + 5000 })];
    expect(reactivationRank(future, 3, now)).toBe(now.getTime() + 5001);
  });

  it('ranks as now when nobody waits', () => {
    expect(reactivationRank([], 3, now)).toBe(now.getTime());
  });

  it('counts only the normal queue: priority and transferred tickets are ahead anyway', () => {
    const mixed = [
      makeTicket({ sequence: 10, rank: 500, priority: 'elderly' }),
      makeTicket({ sequence: 11, rank: 600, ...transferredTo('general') }),
      ...line,
    ];
    expect(reactivationRank(mixed, 3, now)).toBe(3500);
  });

  it('does not depend on the order it is given', () => {
    expect(reactivationRank([...line].reverse(), 1, now)).toBe(1500);
  });
});
