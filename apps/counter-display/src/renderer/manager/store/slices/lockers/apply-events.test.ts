import { describe, expect, it } from 'vitest';
import { compartment, locker, occupied } from '../../test-services';
import { applyLockerEvents } from './apply-events';

describe('applyLockerEvents', () => {
  const lockers = [
    locker([compartment('1'), occupied('2')]),
    locker([compartment('1')], { id: 'L2', name: '二楼取件柜' }),
  ];

  it('replaces the compartment an event names, in its own locker only', () => {
    const opened = occupied('1', { state: 'awaiting_close' });
    const next = applyLockerEvents(lockers, [{ type: 'locker.compartment', compartment: opened }]);
    expect(next[0]!.compartments).toEqual([opened, occupied('2')]);
    expect(next[1]).toBe(lockers[1]);
  });

  it('applies a batch in order, so the last state of a compartment wins', () => {
    const next = applyLockerEvents(lockers, [
      { type: 'locker.compartment', compartment: occupied('2', { state: 'opening_for_pickup' }) },
      { type: 'locker.compartment', compartment: occupied('2', { state: 'awaiting_pickup_close' }) },
      { type: 'locker.compartment', compartment: compartment('2') },
    ]);
    expect(next[0]!.compartments.map((c) => c.state)).toEqual(['free', 'free']);
  });

  it("replaces a locker's keypad", () => {
    const keypad = { wrongInRow: 0, lockedUntil: '2025-05-06T03:15:00.000Z' };
    const next = applyLockerEvents(lockers, [{ type: 'locker.keypad', locker: 'L2', keypad }]);
    expect(next.map((l) => l.keypad)).toEqual([lockers[0]!.keypad, keypad]);
  });

  it('ignores a locker or compartment it does not know, until the next load brings it', () => {
    const next = applyLockerEvents(lockers, [
      { type: 'locker.compartment', compartment: compartment('9') },
      { type: 'locker.compartment', compartment: compartment('1', { locker: 'L3' }) },
      { type: 'locker.keypad', locker: 'L3', keypad: { wrongInRow: 2, lockedUntil: null } },
    ]);
    expect(next).toEqual(lockers);
  });
});
