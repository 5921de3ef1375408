import type { HallConfig, WindowTypeConfig } from '@hallq/shared/contracts';
import type { PriorityGroup, RatingLevel } from '@hallq/shared/domain';
import {
  checkIssuable,
  hoursFor,
  hoursOn,
  offersPriority,
  ticketRequestProblem,
  zonedDateTime,
} from '@hallq/shared/domain';
import type { Random } from './prng';

/** What a window does with an application, before the details (dates, materials) are filled in at the window. */
export type OutcomeKind = 'completed' | 'accepted' | 'incomplete' | 'rejected';

/** One citizen of the day, and how their visit will go once a window calls them. */
export interface PlannedVisit {
  /** When they take the ticket (ms). */
  at: number;
  windowType: string;
  serviceItem: string | null;
  priority: PriorityGroup | null;
  /** Booked for this slot (ms), checked in at `at`. */
  slotStart: number | null;
  /** Minutes they wait before giving up on the phone page (Infinity: they stay). */
  patienceMinutes: number;
  /** Not there when called: gone for good, or back at the guide desk later. */
  noShow: 'no' | 'gone' | 'returns';
  /** Handed on to this window type by the first window (转交). */
  transferTo: string | null;
  outcome: OutcomeKind;
  /** Their answer on the rating pad; null: they walk off without rating. */
  rating: { level: RatingLevel; reason: string | null } | null;
  serviceMinutes: number;
}

export interface DayPlan {
  day: string;
  visits: PlannedVisit[];
  /** The clerk of a type's only window steps away (离开) while its citizens wait: the day's empty post (空岗). */
  away: { windowType: string; at: number } | null;
}

const KIND_WEIGHT: Record<WindowTypeConfig['kind'], number> = {
  comprehensive: 14,
  sector: 6,
  help_and_proxy: 3,
  cross_region: 2,
  complaint: 1,
  consultation: 5,
  enterprise: 3,
  pickup: 5,
};
const PRIORITY_GROUPS: readonly PriorityGroup[] = ['elderly', 'elderly', 'disabled', 'pregnant', 'military'];
const LEVELS: readonly (readonly [RatingLevel, number])[] = [
  ['very_satisfied', 68],
  ['satisfied', 24],
  ['basically_satisfied', 5],
  ['dissatisfied', 2],
  ['very_dissatisfied', 1],
];
/** Minutes a window spends on a citizen beyond the service itself (calling, walking up, the pad): for the capacity. */
const OVERHEAD_MINUTES = 2;

/** The instant of `minutes` after local midnight on `day`, in the hall's time zone. */
export function instant(day: string, minutes: number, timeZone: string): number {
  const whole = Math.floor(minutes);
  const hhmm = `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
  return zonedDateTime(day, hhmm, timeZone).getTime() + Math.round((minutes - whole) * 60_000);
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The hall's day from the earliest opening to the latest closing of any window type (local minutes). */
export function openSpan(hall: HallConfig, day: string): { open: number; close: number } | null {
  const days = hall.windowTypes.flatMap((t) => hoursOn(day, hoursFor(hall, t), hall.calendar) ?? []);
  if (days.length === 0) return null;
  return {
    open: Math.min(...days.map((d) => toMinutes(d.open))),
    close: Math.max(...days.map((d) => toMinutes(d.close))),
  };
}

/**
 * How busy the hall is at a local minute, relative: a morning peak around 10:00 (most between 9:30 and 10:30), a
 * smaller one mid-afternoon, and few over the lunch break.
 */
function arrivalShape(minute: number, lunch: { start: number; end: number } | null): number {
  const bump = (centre: number, width: number) => Math.exp(-(((minute - centre) / width) ** 2) / 2);
  const shape = 0.35 + 1.6 * bump(600, 40) + 0.8 * bump(885, 50);
  return lunch && minute >= lunch.start && minute < lunch.end ? shape * 0.35 : shape;
}
const SHAPE_MAX = 2.4;

/**
 * The citizens of one day: `tickets` arrivals drawn over the opening hours with the day's shape, each for a window
 * type open then (its hours, its daily cap), with an item of that type, some priority groups where the type gives
 * priority, some appointments, and the fate of the visit. Every day has at least one walkout, one no-show, one transfer
 * and one bad rating, so a short history still shows each.
 */
export function planDay(hall: HallConfig, day: string, tickets: number, random: Random): DayPlan | null {
  const span = openSpan(hall, day);
  if (!span) return null;
  const tz = hall.timeZone;
  const hallHours = hoursOn(day, hall.hours, hall.calendar);
  const lunch = hallHours?.lunch
    ? { start: toMinutes(hallHours.lunch.start), end: toMinutes(hallHours.lunch.end) }
    : null;
  const issued = new Map<string, number>();
  const openAt = new Map<number, WindowTypeConfig[]>();
  const speed = serviceSpeed(hall, span, tickets);
  const visits: PlannedVisit[] = [];
  const count = Math.max(1, Math.round(tickets * random.between(0.9, 1.1)));
  for (let tries = 0; visits.length < count && tries < count * 20; tries++) {
    const minute = random.between(span.open, span.close - 10);
    if (random.next() * SHAPE_MAX > arrivalShape(minute, lunch)) continue;
    const at = instant(day, minute, tz);
    // Hours change on the whole minute, so each minute's answer is asked once (a type past its cap is never open).
    const whole = Math.floor(minute);
    let inHours = openAt.get(whole);
    if (!inHours) {
      const now = new Date(instant(day, whole, tz));
      inHours = hall.windowTypes.filter((t) => checkIssuable({ hall, windowType: t, now, issuedToday: 0 }).ok);
      openAt.set(whole, inHours);
    }
    const open = inHours.filter((t) => t.dailyCap === undefined || (issued.get(t.prefix) ?? 0) < t.dailyCap);
    if (open.length === 0) continue;
    const type = random.weighted(open.map((t) => [t, KIND_WEIGHT[t.kind]] as const));
    issued.set(type.prefix, (issued.get(type.prefix) ?? 0) + 1);
    visits.push(visit(hall, type, at, speed, random));
  }
  visits.sort((a, b) => a.at - b.at);
  plantTheDaysCases(hall, visits, random);
  return { day, visits, away: planAway(hall, day, span, issued, speed, visits, random) };
}

function visit(hall: HallConfig, type: WindowTypeConfig, at: number, speed: number, random: Random): PlannedVisit {
  const items = hall.serviceItems.filter(
    (i) => i.windowType === type.code && !ticketRequestProblem(hall, type, { serviceItem: i.code, priority: null }),
  );
  const item = items.length > 0 ? random.pick(items) : null;
  const priority =
    offersPriority(hall.policy.priorityPath, type) && random.chance(0.7) ? random.pick(PRIORITY_GROUPS) : null;
  const slot = Math.ceil((at + random.between(3, 20) * 60_000) / 300_000) * 300_000;
  const booked =
    priority === null &&
    ['comprehensive', 'sector', 'enterprise'].includes(type.kind) &&
    random.chance(0.06) &&
    checkIssuable({ hall, windowType: type, now: new Date(slot), issuedToday: 0 }).ok;
  const sectors = hall.windowTypes.filter((t) => t.kind === 'sector').map((t) => t.code);
  const simple = type.kind === 'pickup' || type.kind === 'consultation';
  const rated = random.chance(0.85);
  const level = random.weighted(LEVELS);
  return {
    at,
    windowType: type.code,
    serviceItem: item?.code ?? null,
    priority,
    slotStart: booked ? slot : null,
    patienceMinutes: random.chance(0.05) ? random.around(12, 0.5) : Infinity,
    noShow: random.chance(0.04) ? (random.chance(0.25) ? 'returns' : 'gone') : 'no',
    transferTo:
      (type.kind === 'comprehensive' || type.kind === 'consultation') && sectors.length > 0 && random.chance(0.03)
        ? random.pick(sectors)
        : null,
    outcome: simple
      ? 'completed'
      : random.weighted([
          [item?.kind === 'promised' ? 'accepted' : 'completed', 81],
          ['incomplete', 16],
          ['rejected', 3],
        ] as const),
    rating: rated ? { level, reason: badReason(hall, level, random) } : null,
    serviceMinutes: Math.max(0.5, random.around(type.defaultServiceMinutes, 0.45) * speed),
  };
}

function badReason(hall: HallConfig, level: RatingLevel, random: Random): string | null {
  if (level !== 'dissatisfied' && level !== 'very_dissatisfied') return null;
  return hall.ratingReasons.length > 0 ? random.pick(hall.ratingReasons).code : 'other';
}

/**
 * Services shortened in proportion when the day asks more of the windows than they have (a benchmark's thousands), so
 * the day still ends near closing time; a demo-sized day keeps the types' own service times.
 */
function serviceSpeed(hall: HallConfig, span: { open: number; close: number }, tickets: number): number {
  const meanService =
    hall.windowTypes.reduce((n, t) => n + t.defaultServiceMinutes * KIND_WEIGHT[t.kind], 0) /
    hall.windowTypes.reduce((n, t) => n + KIND_WEIGHT[t.kind], 0);
  const capacity = hall.windows.length * (span.close - span.open) * 0.6;
  return Math.min(1, capacity / (tickets * (meanService + OVERHEAD_MINUTES)));
}

/** One of each case the statistics count, on citizens drawn from the day (never the same one twice). */
function plantTheDaysCases(hall: HallConfig, visits: PlannedVisit[], random: Random): void {
  const plain = visits.filter((v) => v.slotStart === null);
  const take = (fits: (v: PlannedVisit) => boolean) => {
    const candidates = plain.filter(fits);
    if (candidates.length === 0) return null;
    const chosen = random.pick(candidates);
    plain.splice(plain.indexOf(chosen), 1);
    Object.assign(chosen, { patienceMinutes: Infinity, noShow: 'no', transferTo: null });
    return chosen;
  };
  // Took a number, saw the line and left before any call.
  const walkout = take(() => true);
  if (walkout) walkout.patienceMinutes = 0.2;
  const noShow = take(() => true);
  if (noShow) noShow.noShow = 'gone';
  const sectors = hall.windowTypes.filter((t) => t.kind === 'sector').map((t) => t.code);
  const transfer =
    sectors.length > 0
      ? take((v) => hall.windowTypes.find((t) => t.code === v.windowType)?.kind === 'comprehensive')
      : null;
  if (transfer) transfer.transferTo = random.pick(sectors);
  const unhappy = take(() => true);
  if (unhappy) unhappy.rating = { level: 'dissatisfied', reason: badReason(hall, 'dissatisfied', random) };
}

/**
 * The morning the clerk of a type's only window steps away for 20 minutes: a citizen of that type arrives a minute
 * after, and waits with no window open for them. Null for a hall where every type has two windows or more.
 */
function planAway(
  hall: HallConfig,
  day: string,
  span: { open: number; close: number },
  issued: Map<string, number>,
  speed: number,
  visits: PlannedVisit[],
  random: Random,
): DayPlan['away'] {
  const at = instant(day, Math.min(span.open + random.between(50, 110), span.close - 60), hall.timeZone);
  const lone = hall.windowTypes.filter(
    (t) =>
      hall.windows.filter((w) => w.serves.includes(t.code)).length === 1 &&
      checkIssuable({ hall, windowType: t, now: new Date(at + 60_000), issuedToday: issued.get(t.prefix) ?? 0 }).ok,
  );
  if (lone.length === 0) return null;
  const type = random.pick(lone);
  const waiting = visit(hall, type, at + 60_000, speed, random);
  Object.assign(waiting, { slotStart: null, patienceMinutes: Infinity, noShow: 'no', transferTo: null });
  issued.set(type.prefix, (issued.get(type.prefix) ?? 0) + 1);
  const later = visits.findIndex((v) => v.at > waiting.at);
  if (later === -1) visits.push(waiting);
  else visits.splice(later, 0, waiting);
  return { windowType: type.code, at };
}
