import { describe, expect, it } from 'vitest';
import { compartment, locker, occupied } from '../../test-services';
import { replaceCompartment } from './replace-compartment';

describe('replaceCompartment', () => {
  const lockers = [
    locker([compartment('1'), occupied('2')]),
    locker([compartment('1')], { id: 'L2', name: '二楼取件柜' }),
  ];

  it('replaces the compartment of the same number, in its own locker only', () => {
    const opened = occupied('1', { state: 'awaiting_close' });
    const next = replaceCompartment(lockers, opened);
    expect(next[0]!.compartments).toEqual([opened, occupied('2')]);
    expect(next[1]).toBe(lockers[1]);
  });

  it('changes nothing for a locker or compartment it does not know, until the next snapshot brings it', () => {
    expect(replaceCompartment(lockers, compartment('9'))).toEqual(lockers);
    expect(replaceCompartment(lockers, compartment('1', { locker: 'L3' }))).toEqual(lockers);
  });
});
