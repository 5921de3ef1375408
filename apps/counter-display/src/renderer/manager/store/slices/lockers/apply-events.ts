import type { LockerEvent, LockerView } from '@hallq/shared/contracts';

/**
 * The lockers after a batch of staff-socket events, in order: each carries the whole compartment or keypad, so it
 * replaces what was there. An event about a locker or compartment not in the list changes nothing (the next load
 * brings it).
 */
export function applyLockerEvents(lockers: readonly LockerView[], events: readonly LockerEvent[]): LockerView[] {
  return events.reduce<LockerView[]>(
    (current, event) =>
      current.map((locker) => {
        if (event.type === 'locker.keypad')
          return locker.id === event.locker ? { ...locker, keypad: event.keypad } : locker;
        const next = event.compartment;
        if (locker.id !== next.locker || !locker.compartments.some((c) => c.number === next.number)) return locker;
        return { ...locker, compartments: locker.compartments.map((c) => (c.number === next.number ? next : c)) };
      }),
    [...lockers],
  );
}
