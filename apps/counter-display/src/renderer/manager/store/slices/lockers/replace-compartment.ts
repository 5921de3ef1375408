import type { CompartmentView, LockerView } from '@hallq/shared/contracts';

/**
 * The lockers with `compartment` in place of the one of the same locker and number: an action's answer carries the
 * whole compartment. One the list does not hold changes nothing (the next snapshot brings it).
 */
export function replaceCompartment(lockers: readonly LockerView[], compartment: CompartmentView): LockerView[] {
  return lockers.map((locker) =>
    locker.id === compartment.locker
      ? { ...locker, compartments: locker.compartments.map((c) => (c.number === compartment.number ? compartment : c)) }
      : locker,
  );
}
