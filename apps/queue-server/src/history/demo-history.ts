import type { HallConfig } from '@hallq/shared/contracts';
import { addDays, hallDay, isWorkingDay } from '@hallq/shared/domain';
import { openDatabase } from '../db/open-database';
import { createHallServices, type HallServices } from '../service/hall-services';
import { HallStore } from '../store/hall-store';
import { DayPlayer } from './day-player';
import { instant, openSpan, planDay } from './day-plan';
import { FollowUpDesk } from './follow-up-desk';
import { seededRandom } from './prng';
import { SimClock, Timeline } from './timeline';

/** The demo's month: the working days of about a calendar month, a busy district hall's day each. */
export const DEMO_HISTORY = { days: 22, ticketsPerDay: 250, seed: 20250611 } as const;

export interface HistoryOptions {
  /** Past hall days to play, oldest first. */
  days: readonly string[];
  /** Citizens a day, about (each day varies by a tenth). */
  ticketsPerDay: number;
  seed: number;
}

export interface HistoryPlayed {
  days: number;
  tickets: number;
}

/** The `count` working days before `today` on which the hall opens, oldest first. */
export function pastWorkingDays(hall: HallConfig, today: string, count: number): string[] {
  const days: string[] = [];
  for (
    let day = addDays(today, -1), steps = 0;
    days.length < count && steps < 366 * 2;
    day = addDays(day, -1), steps++
  ) {
    if (isWorkingDay(day, hall.calendar) && openSpan(hall, day)) days.unshift(day);
  }
  return days;
}

/**
 * Plays past days through the hall's real services, on `clock`, which must stand before the first day: every ticket,
 * call, rating and follow-up is a request the services answer and journal as they would from a kiosk or a counter.
 * The same seed plays the same history.
 */
export async function playHistory(
  services: HallServices,
  clock: SimClock,
  options: HistoryOptions,
): Promise<HistoryPlayed> {
  const { hall } = services.today;
  const random = seededRandom(options.seed);
  let request = 0;
  const requestId = () => `history-${options.seed}-${++request}`;
  const followUps = new FollowUpDesk(services, random, requestId);
  let tickets = 0;
  for (const [index, day] of options.days.entries()) {
    const plan = planDay(hall, day, options.ticketsPerDay, random);
    if (!plan) continue;
    const timeline = new Timeline(clock, (at) => settleRatings(services, clock, at));
    const at = (minutes: number) => instant(day, minutes, hall.timeZone);
    followUps.playDay(index, at, timeline);
    const player = new DayPlayer(
      {
        services,
        timeline,
        random,
        at,
        now: () => clock.time,
        requestId,
        badRating: (ratingId, window) => followUps.opened(ratingId, window, index),
      },
      plan,
    );
    player.schedule();
    await timeline.run();
    await player.sendHome();
    await settleRatings(services, clock, Infinity);
    tickets += player.issued;
  }
  return { days: options.days.length, tickets };
}

/**
 * Records every rating request that lapses by `until` as not rated, each at its own expiry: the clock is moved to it
 * and the ratings' own sweep runs, as the server's timer would run it then. The timer may be sweeping already (ours
 * then returns at once), so this waits until none is left due.
 */
async function settleRatings(services: HallServices, clock: SimClock, until: number): Promise<void> {
  for (let spins = 0; ; spins++) {
    let earliest = Infinity;
    for (const r of services.today.openRatings.values()) earliest = Math.min(earliest, Date.parse(r.expiresAt));
    if (earliest === Infinity || earliest > until) return;
    if (spins > 10_000) throw new Error('rating requests would not expire');
    if (earliest > clock.time) clock.advanceTo(earliest);
    await services.ratings.expireOverdue();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export interface GenerateHistoryOptions extends Partial<HistoryOptions> {
  hall: HallConfig;
  dataDir: string;
  keysDir?: string;
  /** The real now: the history ends the working day before its hall day. */
  now?: Date;
  /** Working days to play before today, when `days` is not given. */
  dayCount?: number;
}

/**
 * Plays the demo month into a data directory no hall has worked in yet (an empty journal), then closes it; null
 * when it has history already, so a restart never plays it twice. Only the services write, on a simulated clock.
 */
export async function generateHistory(options: GenerateHistoryOptions): Promise<HistoryPlayed | null> {
  const { hall } = options;
  const db = openDatabase(options.dataDir, { keysDir: options.keysDir });
  try {
    const store = new HallStore(db);
    if (!store.journal.isEmpty()) return null;
    const today = hallDay(options.now ?? new Date(), hall.timeZone);
    const days = options.days ?? pastWorkingDays(hall, today, options.dayCount ?? DEMO_HISTORY.days);
    if (days.length === 0) return { days: 0, tickets: 0 };
    const clock = new SimClock(instant(days[0]!, 0, hall.timeZone));
    const services = createHallServices({ hall, store, clock: clock.now, publish: () => undefined });
    // A month is tens of thousands of commits, each fsynced by the pipeline (synchronous=FULL): most of the time
    // would be disk waits, for data that can be played again. For the generation only, synchronous=OFF (measured
    // against NORMAL, it also spares most of the commit's own work): a power cut while the month is played can damage
    // the file, and the remedy is to delete the fresh data directory and start again. FULL is restored and the WAL
    // checkpointed (fsynced) into the database file before the server opens it.
    db.write.pragma('synchronous = OFF');
    try {
      return await playHistory(services, clock, {
        days,
        ticketsPerDay: options.ticketsPerDay ?? DEMO_HISTORY.ticketsPerDay,
        seed: options.seed ?? DEMO_HISTORY.seed,
      });
    } finally {
      await services.close();
      db.write.pragma('synchronous = FULL');
      db.write.pragma('wal_checkpoint(TRUNCATE)');
    }
  } finally {
    await db.close();
  }
}
