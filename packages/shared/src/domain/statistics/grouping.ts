import type { HallConfig } from '../../config/hall-config';
import { localClock } from '../hall-time';
import { departmentOfWindow } from '../staff-scope';
import type { StintFact } from './ticket-figures';
import { itemsChosen } from './visits';

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
  /** The service items it concerned: a fact counts under each. */
  items: readonly string[];
}

/**
 * A stint's place: the hour it joined its queue, the window that called or ended it and the clerk there, and the items
 * it served — or, where it served none (not served, transferred, or confirmed with no item), the item the citizen chose.
 */
export function placeOfStint(fact: StintFact): Place {
  let place = places.get(fact);
  if (place === undefined) {
    const { visit, stint } = fact;
    const served = stint.end?.kind === 'served' ? stint.end.items : [];
    place = {
      day: visit.hallDay,
      at: stint.queuedAt,
      windowType: stint.windowType,
      window: stint.window ?? stint.firstCall?.window ?? null,
      clerk: stint.clerk ?? stint.firstCall?.clerk ?? null,
      items: served.length > 0 ? served : itemsChosen(visit),
    };
    places.set(fact, place);
  }
  return place;
}

/**
 * Places worked out once per fact: a fact is not changed once made, and the server keeps a year's facts between
 * reports, each placed again by every grouping and filter.
 */
const places = new WeakMap<StintFact, Place>();

/** The hall's hour (00–23) of an instant, by quarter hour (every time zone's offset is a whole number of them). */
function hourOf(at: string, timeZone: string): string {
  const quarter = Math.floor(Date.parse(at) / 900_000);
  const key = `${timeZone} ${quarter}`;
  let hour = hours.get(key);
  if (hour === undefined) {
    hour = localClock(new Date(quarter * 900_000), timeZone).time.slice(0, 2);
    if (hours.size > 100_000) hours.clear();
    hours.set(key, hour);
  }
  return hour;
}
const hours = new Map<string, string>();

/** What the figures may be grouped by. */
export const GROUPINGS = ['hall', 'department', 'windowType', 'window', 'clerk', 'item', 'day', 'hour'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** What a grouping needs of the hall: its time zone (hours), windows and items (their departments). */
export type GroupingHall = Pick<HallConfig, 'timeZone' | 'windows' | 'serviceItems'>;

/**
 * The groups a place belongs to under a grouping: one, none where it has no such key (a stint never called has no
 * window or clerk, a ticket for a window type only no item), or several items for a visit that served several. The
 * hour is the hall's (00–23).
 */
export function groupKeys(place: Place, by: Grouping, hall: GroupingHall): readonly string[] {
  const one = (key: string | null) => (key === null ? [] : [key]);
  switch (by) {
    case 'hall':
      return ['hall'];
    case 'day':
      return [place.day];
    case 'hour':
      return [hourOf(place.at, hall.timeZone)];
    case 'windowType':
      return [place.windowType];
    case 'window':
      return one(place.window === null ? null : String(place.window));
    case 'clerk':
      return one(place.clerk);
    case 'item':
      return place.items;
    case 'department': {
      // Work done at a window is its department's; a ticket not yet at one, its (first) item's department.
      if (place.window !== null) return one(departmentOfWindow(hall, place.window));
      return one(hall.serviceItems.find((s) => s.code === place.items[0])?.department ?? null);
    }
  }
}

/** The facts by group key (a fact in no group is left out; one of several items is in each). */
export function groupFacts<F>(
  facts: readonly F[],
  placeOf: (fact: F) => Place,
  by: Grouping,
  hall: GroupingHall,
): Map<string, F[]> {
  const groups = new Map<string, F[]>();
  for (const fact of facts) {
    for (const key of groupKeys(placeOf(fact), by, hall)) {
      const list = groups.get(key);
      if (list) list.push(fact);
      else groups.set(key, [fact]);
    }
  }
  return groups;
}

/** The order of a grouping's keys: windows by number, the others as written (days and hours in time order). */
export const keyOrder =
  (by: Grouping) =>
  (a: string, b: string): number =>
    by === 'window' ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0;
