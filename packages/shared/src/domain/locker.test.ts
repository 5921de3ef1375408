import { describe, expect, it } from 'vitest';
import type { Compartment, CompartmentEvent, LockerItem } from './locker';
import {
  Compartment as CompartmentSchema,
  OPEN_KEYPAD,
  freeCompartment,
  keypadAfterAttempt,
  keypadLocked,
  lockerTransition,
  newPickupCode,
  parsePickupQr,
  pickupQrPayload,
} from './locker';

const T0 = new Date('2025-06-11T02:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const timeouts = { openSeconds: 15, closeSeconds: 180 };
const item: LockerItem = {
  id: 'item-1',
  caseNumber: 'SQ2025-0001',
  description: '营业执照',
  applicantName: '张*',
  registeredBy: 'staff:c20',
  registeredAt: T0.toISOString(),
  storedAt: null,
};

function step(c: Compartment, event: CompartmentEvent, now = T0) {
  const r = lockerTransition(c, event, now, timeouts);
  if (!r.ok) throw new Error(`refused: ${r.code}: ${r.message}`);
  CompartmentSchema.parse(r.compartment);
  return r;
}

const free = () => freeCompartment('locker-1', 'A01', 'S');
const opening = () => step(free(), { type: 'reserve', item, commandId: 'cmd-1' }).compartment;
const awaitingClose = () => step(opening(), { type: 'door_opened', commandId: 'cmd-1' }, later(2)).compartment;
const occupied = () => {
  const c = step(awaitingClose(), { type: 'door_closed', commandId: 'cmd-1' }, later(30)).compartment;
  return step(c, { type: 'code_issued', codeHash: 'hash-1' }, later(30)).compartment;
};
const openingForPickup = () =>
  step(occupied(), { type: 'collect', codeHash: 'hash-1', commandId: 'cmd-2' }, later(100)).compartment;
const awaitingPickupClose = () =>
  step(openingForPickup(), { type: 'door_opened', commandId: 'cmd-2' }, later(101)).compartment;

describe('the compartment state machine', () => {
  it('a reservation records the item and sends a deposit open command with the open deadline', () => {
    const r = step(free(), { type: 'reserve', item, commandId: 'cmd-1' });
    expect(r.compartment).toMatchObject({
      state: 'opening',
      item,
      command: { id: 'cmd-1', purpose: 'deposit', sentAt: T0.toISOString(), deadline: later(15).toISOString() },
    });
    expect(r.effects).toEqual([{ type: 'send_open', commandId: 'cmd-1', purpose: 'deposit' }]);
  });

  it('only a free compartment can be reserved', () => {
    const r = lockerTransition(occupied(), { type: 'reserve', item, commandId: 'x' }, T0, timeouts);
    expect(r).toMatchObject({ ok: false, code: 'invalid_state' });
  });

  it('the door reported open waits for it to close, with the close deadline', () => {
    expect(awaitingClose()).toMatchObject({ state: 'awaiting_close', command: { deadline: later(182).toISOString() } });
  });

  it('the door closed on a deposit stores the item and asks the edge for a code', () => {
    const r = step(awaitingClose(), { type: 'door_closed', commandId: 'cmd-1' }, later(30));
    expect(r.compartment).toMatchObject({
      state: 'occupied',
      command: null,
      codeHash: null,
      item: { ...item, storedAt: later(30).toISOString() },
    });
    expect(r.effects).toEqual([{ type: 'issue_code', itemId: 'item-1' }]);
    expect(occupied().codeHash).toBe('hash-1');
  });

  it('a second code for the same item is refused', () => {
    const r = lockerTransition(occupied(), { type: 'code_issued', codeHash: 'hash-2' }, T0, timeouts);
    expect(r).toMatchObject({ ok: false, code: 'invalid_state' });
  });

  it('the right code opens the door for pickup and is used up at once', () => {
    const r = step(occupied(), { type: 'collect', codeHash: 'hash-1', commandId: 'cmd-2' }, later(100));
    expect(r.compartment).toMatchObject({
      state: 'opening_for_pickup',
      codeHash: null,
      command: { purpose: 'pickup' },
    });
    expect(r.effects).toEqual([{ type: 'send_open', commandId: 'cmd-2', purpose: 'pickup' }]);
    const again = lockerTransition(
      r.compartment,
      { type: 'collect', codeHash: 'hash-1', commandId: 'c3' },
      T0,
      timeouts,
    );
    expect(again).toMatchObject({ ok: false, code: 'invalid_state' });
  });

  it('a wrong code does not open the door', () => {
    const r = lockerTransition(occupied(), { type: 'collect', codeHash: 'other', commandId: 'c' }, T0, timeouts);
    expect(r).toMatchObject({ ok: false, code: 'wrong_code' });
  });

  it('the door closed after pickup frees the compartment and reports the item collected', () => {
    const r = step(awaitingPickupClose(), { type: 'door_closed', commandId: 'cmd-2' }, later(120));
    expect(r.compartment).toEqual(free());
    expect(r.effects).toEqual([{ type: 'item_collected', itemId: 'item-1', by: 'pickup' }]);
  });

  it('a report about a command no longer in flight is stale and changes nothing', () => {
    for (const event of [
      { type: 'door_opened', commandId: 'old' },
      { type: 'door_open_failed', commandId: 'old', detail: null },
      { type: 'door_closed', commandId: 'old' },
    ] as const) {
      expect(lockerTransition(awaitingClose(), event, T0, timeouts)).toMatchObject({
        ok: false,
        code: 'stale_command',
      });
    }
  });

  it('a door closed before it was reported open is refused', () => {
    const r = lockerTransition(opening(), { type: 'door_closed', commandId: 'cmd-1' }, T0, timeouts);
    expect(r).toMatchObject({ ok: false, code: 'invalid_state' });
  });
});

describe('staff retrieval', () => {
  it('opens an occupied compartment for staff, kills the code, and frees it once closed', () => {
    const r = step(occupied(), { type: 'retrieve', commandId: 'cmd-9' }, later(200));
    expect(r.compartment).toMatchObject({
      state: 'opening_for_pickup',
      codeHash: null,
      command: { purpose: 'retrieve' },
    });
    expect(r.effects).toEqual([{ type: 'send_open', commandId: 'cmd-9', purpose: 'retrieve' }]);
    const opened = step(r.compartment, { type: 'door_opened', commandId: 'cmd-9' }, later(201)).compartment;
    const closed = step(opened, { type: 'door_closed', commandId: 'cmd-9' }, later(230));
    expect(closed.compartment).toEqual(free());
    expect(closed.effects).toEqual([{ type: 'item_collected', itemId: 'item-1', by: 'retrieve' }]);
  });

  it('recovers the item of a faulty compartment, clearing the fault', () => {
    const faulty = step(awaitingClose(), { type: 'timeout' }, later(182)).compartment;
    const r = step(faulty, { type: 'retrieve', commandId: 'cmd-9' }, later(300));
    expect(r.compartment).toMatchObject({ state: 'opening_for_pickup', fault: null, item: faulty.item });
  });

  it('puts a faulty compartment back in use once staff saw to it by hand, its item counted as handed over', () => {
    const faulty = step(
      opening(),
      { type: 'door_open_failed', commandId: 'cmd-1', detail: null },
      later(1),
    ).compartment;
    const r = step(faulty, { type: 'resolve_fault' }, later(600));
    expect(r.compartment).toEqual(free());
    expect(r.effects).toEqual([{ type: 'item_collected', itemId: 'item-1', by: 'retrieve' }]);
  });

  it('resolves only a faulty compartment', () => {
    expect(lockerTransition(occupied(), { type: 'resolve_fault' }, T0, timeouts)).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
  });

  it('has nothing to retrieve from a free compartment', () => {
    expect(lockerTransition(free(), { type: 'retrieve', commandId: 'x' }, T0, timeouts)).toMatchObject({
      ok: false,
      code: 'invalid_state',
    });
  });
});

describe('door failures make the compartment faulty, the item still recorded against it', () => {
  const cases: [string, () => Compartment, CompartmentEvent, Date, object][] = [
    [
      'a deposit door that failed to open',
      opening,
      { type: 'door_open_failed', commandId: 'cmd-1', detail: 'no ack' },
      later(1),
      { reason: 'open_failed', detail: 'no ack', during: 'deposit' },
    ],
    [
      'a deposit door never reported open',
      opening,
      { type: 'timeout' },
      later(15),
      { reason: 'open_timeout', during: 'deposit' },
    ],
    [
      'a deposit door never reported closed',
      awaitingClose,
      { type: 'timeout' },
      later(182),
      { reason: 'close_timeout', during: 'deposit' },
    ],
    [
      'a pickup door that failed to open',
      openingForPickup,
      { type: 'door_open_failed', commandId: 'cmd-2', detail: null },
      later(101),
      { reason: 'open_failed', during: 'pickup' },
    ],
    [
      'a pickup door never reported closed',
      awaitingPickupClose,
      { type: 'timeout' },
      later(281),
      { reason: 'close_timeout', during: 'pickup' },
    ],
  ];
  it.each(cases)('%s', (_name, from, event, now, fault) => {
    const start = from();
    const r = step(start, event, now);
    expect(r.compartment).toMatchObject({ state: 'faulty', command: null, item: start.item, fault });
    expect(r.effects).toEqual([{ type: 'faulted', fault: r.compartment.fault }]);
  });

  it('a timeout before the deadline changes nothing', () => {
    expect(lockerTransition(opening(), { type: 'timeout' }, later(14), timeouts)).toMatchObject({ ok: false });
    expect(lockerTransition(occupied(), { type: 'timeout' }, later(9999), timeouts)).toMatchObject({ ok: false });
  });

  it('a faulty compartment takes no reservation and no code', () => {
    const faulty = step(opening(), { type: 'timeout' }, later(15)).compartment;
    expect(faulty.state).toBe('faulty');
    expect(lockerTransition(faulty, { type: 'reserve', item, commandId: 'x' }, T0, timeouts).ok).toBe(false);
    expect(lockerTransition(faulty, { type: 'collect', codeHash: 'h', commandId: 'x' }, T0, timeouts).ok).toBe(false);
  });
});

describe('pickup codes and the keypad', () => {
  it('a code is six digits drawn from the given source, leading zeros kept', () => {
    const digits = [0, 0, 7, 1, 9, 3];
    const asked: number[] = [];
    const code = newPickupCode((max) => {
      asked.push(max);
      return digits.shift()!;
    });
    expect(code).toBe('007193');
    expect(asked).toEqual([10, 10, 10, 10, 10, 10]);
  });

  const policy = { attempts: 5, pauseSeconds: 30, maxPauseSeconds: 120 };
  it('from the fifth wrong code in a row pauses the keypad, each pause twice the last, never beyond the longest', () => {
    let k = OPEN_KEYPAD;
    for (let i = 1; i <= 4; i++) {
      k = keypadAfterAttempt(k, false, T0, policy);
      expect(k).toEqual({ wrongInRow: i, lockedUntil: null });
    }
    const pauses = Array.from({ length: 5 }, () => {
      k = keypadAfterAttempt(k, false, T0, policy);
      return (Date.parse(k.lockedUntil!) - T0.getTime()) / 1000;
    });
    expect(pauses).toEqual([30, 60, 120, 120, 120]);
    expect(k.wrongInRow).toBe(9);
    expect(keypadLocked(k, later(119))).toBe(true);
    expect(keypadLocked(k, later(120))).toBe(false);
  });

  it('a right code clears the count of wrong ones', () => {
    const k = keypadAfterAttempt(keypadAfterAttempt(OPEN_KEYPAD, false, T0, policy), true, T0, policy);
    expect(k).toEqual(OPEN_KEYPAD);
  });
});

describe('the pickup QR code', () => {
  it('reads back the locker and code it was made from, ignoring keys typed before the scan', () => {
    expect(parsePickupQr(pickupQrPayload('locker-1', '012345'))).toEqual({ locker: 'locker-1', code: '012345' });
    expect(parsePickupQr(`12hallq-locker:locker-1:987654\n`)).toEqual({ locker: 'locker-1', code: '987654' });
  });

  it('is not fooled by other QR codes or a short code', () => {
    expect(parsePickupQr('http://10.0.0.2:8080/t/0123456789abcdef')).toBeNull();
    expect(parsePickupQr('hallq-locker:locker-1:12345')).toBeNull();
    expect(parsePickupQr('hallq-locker:locker-1:1234567')).toBeNull();
  });
});
