import { describe, expect, it } from 'vitest';
import { compartment, faulty, locker, occupied } from '../../test-services';
import { canResolve, canRetrieve, keypadStatus, lockerSummary, needsAttention } from './selectors';

describe('the locker selectors', () => {
  it('count free compartments per size the locker has, occupied, overdue and faulty', () => {
    const summary = lockerSummary(
      locker([
        compartment('1', { size: 'L' }),
        compartment('2', { size: 'S' }),
        compartment('3', { size: 'S' }),
        occupied('4'),
        occupied('5', { overdue: true }),
        faulty('6'),
        compartment('7', { state: 'opening' }),
      ]),
    );
    expect(summary).toEqual({
      free: [
        { size: 'S', count: 2 },
        { size: 'M', count: 0 },
        { size: 'L', count: 1 },
      ],
      occupied: 2,
      overdue: 1,
      faulty: 1,
    });
    expect(lockerSummary(locker([compartment('1', { size: 'S' })])).free).toEqual([{ size: 'S', count: 1 }]);
  });

  it('list faulty compartments before overdue ones, the longest-standing first, across lockers', () => {
    const first = locker([
      occupied('1', { overdue: true, item: { ...occupied('1').item!, storedAt: '2025-05-01T02:00:00.000Z' } }),
      faulty('2', '2025-05-06T05:00:00.000Z'),
      occupied('3'),
    ]);
    const second = locker(
      [
        faulty('1', '2025-05-06T04:00:00.000Z'),
        occupied('2', { overdue: true, item: { ...occupied('2').item!, storedAt: '2025-04-28T02:00:00.000Z' } }),
      ],
      { id: 'L2' },
    );
    expect(needsAttention([first, second]).map((a) => `${a.locker.id}/${a.compartment.number}`)).toEqual([
      'L2/1',
      'L1/2',
      'L2/2',
      'L1/1',
    ]);
  });

  it('offer retrieval only when an item is recorded, and fault resolution only on a faulty compartment', () => {
    expect(
      [occupied('1'), faulty('2'), compartment('3'), compartment('4', { state: 'faulty' })].map(canRetrieve),
    ).toEqual([true, true, false, false]);
    expect([occupied('1'), faulty('2'), compartment('4', { state: 'faulty' })].map(canResolve)).toEqual([
      false,
      true,
      true,
    ]);
  });

  it('show a keypad locked until its time, then the wrong codes in a row', () => {
    const now = new Date('2025-05-06T03:00:00.000Z');
    expect(keypadStatus({ wrongInRow: 0, lockedUntil: '2025-05-06T03:10:00.000Z' }, now)).toEqual({
      kind: 'locked',
      until: '2025-05-06T03:10:00.000Z',
    });
    expect(keypadStatus({ wrongInRow: 0, lockedUntil: '2025-05-06T02:50:00.000Z' }, now)).toEqual({ kind: 'ok' });
    expect(keypadStatus({ wrongInRow: 2, lockedUntil: null }, now)).toEqual({ kind: 'wrong', count: 2 });
  });
});
