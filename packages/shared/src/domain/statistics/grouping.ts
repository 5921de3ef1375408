import type { HallConfig } from '../../config/hall-config';
import { localClock } from '../hall-time';
import { departmentOfWindow } from '../staff-scope';
import type { StintFact } from './ticket-figures';

/**
 * Where a fact happened, for grouping: a stint of a ticket at a queue (and the window that took it), or a rating at a
 * window. `at` decides the hour.
 */
export interface Place {
  day: string;
  at: string;
  windowType: string;
  window: number | null;
  clerk: string | null;
  item: string | null;
}

/** A stint's place: the hour it joined its queue, the window that called or ended it and the clerk there. */
export function placeOfStint({ visit, stint }: StintFact): Place {
  return {
    day: visit.hallDay,
    at: stint.queuedAt,
    windowType: stint.windowType,
    window: stint.window ?? stint.firstCall?.window ?? null,
    clerk: stint.clerk ?? stint.firstCall?.clerk ?? null,
    item: visit.serviceItem,
  };
}

/** What the figures may be grouped by. */
export const GROUPINGS = ['hall', 'department', 'windowType', 'window', 'clerk', 'item', 'day', 'hour'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** What a grouping needs of the hall: its time zone (hours), windows and items (their departments). */
export type GroupingHall = Pick<HallConfig, 'timeZone' | 'windows' | 'serviceItems'>;

/**
 * The group a place belongs to under a grouping, or null where it belongs to none: a stint never called has no window
 * or clerk, a ticket without a chosen item no item. The hour is the hall's (00–23).
 */
export function groupKey(place: Place, by: Grouping, hall: GroupingHall): string | null {
  switch (by) {
    case 'hall':
      return 'hall';
    case 'day':
      return place.day;
    case 'hour':
      return localClock(new Date(place.at), hall.timeZone).time.slice(0, 2);
    case 'windowType':
      return place.windowType;
    case 'window':
      return place.window === null ? null : String(place.window);
    case 'clerk':
      return place.clerk;
    case 'item':
      return place.item;
    case 'department': {
      // Work done at a window is its department's; a ticket not yet at one, its item's department.
      if (place.window !== null) return departmentOfWindow(hall, place.window);
      return hall.serviceItems.find((s) => s.code === place.item)?.department ?? null;
    }
  }
}

/** The facts by group key (a fact in no group is left out). */
export function groupFacts<F>(
  facts: readonly F[],
  placeOf: (fact: F) => Place,
  by: Grouping,
  hall: GroupingHall,
): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const fact of facts) {
    const key = groupKey(placeOf(fact), by, hall);
    if (key === null) continue;
    const list = groups.get(key);
    if (list) list.push(fact);
    else groups.set(key, [fact]);
  }
  return groups;
}

/** The order of a grouping's keys: windows by number, the others as written (days and hours in time order). */
export const keyOrder =
  (by: Grouping) =>
  (a: string, b: string): number =>
    by === 'window' ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0;
