import type { HallConfig } from '@hallq/shared/contracts';
import {
  attendance,
  emptyPostIntervals,
  followUpsOf,
  hallDay,
  placeOfStint,
  RATING_ENTRY_TYPES,
  recordedRatings,
  stintFacts,
  TICKET_ENTRY_TYPES,
  visitsOf,
  WINDOW_ENTRY_TYPES,
  withFollowUps,
  type AttendanceRow,
  type EmptyPostInterval,
  type PeriodFacts,
  type RatingEntry,
  type RecordedRating,
  type StintFact,
  type TicketEntry,
  type WindowEntry,
} from '@hallq/shared/domain';
import type { JournalReader, RawEntry } from './journal-reader';

/** One hall day's journal, worked out: its visits' stints, the ratings recorded, its follow-ups' entries. */
interface Day {
  stints: StintFact[];
  recorded: RecordedRating[];
  followUps: RatingEntry[];
}

/** A day's work at the windows, replayed: each clerk's attendance and the empty posts. */
export interface DayShifts {
  attendance: AttendanceRow[];
  emptyPosts: EmptyPostInterval[];
}

/**
 * Entries read by their types (`TICKET_ENTRY_TYPES` …) are of those types: the journal's writer is typed by the same
 * union, and its rows are never changed.
 */
const typed = <E>(entries: RawEntry[]): E[] => entries as unknown as E[];

/** Days kept between reports; beyond it the oldest go (a year's report and the month before fit). */
const MAX_DAYS = 800;

/**
 * The journal a day at a time, each day worked out once and kept between reports. A journal day changes only by new
 * entries, so before each report the days written to since the last one are forgotten and read again when asked.
 * Every figure is a day's or made of days' (a visit, an attendance day and an empty post belong to one day; a follow-up
 * is found among the period's days), so a period is its days put together. Use inside one snapshot of the journal.
 */
export class JournalDays {
  private readonly days = new Map<string, Day>();
  private readonly shifts = new Map<string, DayShifts>();
  /** The items each kept ticket's service recorded, for its rating (recorded that day, or the next morning). */
  private readonly served = new Map<string, readonly string[]>();
  private seenUpTo: number | null = null;

  constructor(private readonly journal: JournalReader) {}

  /** Forgets the days written to since the last look. */
  refresh(): void {
    const last = this.journal.lastEntryId();
    if (this.seenUpTo !== null && last !== this.seenUpTo) {
      for (const day of this.journal.daysWrittenSince(this.seenUpTo)) {
        this.forget(day);
        this.shifts.delete(day);
      }
    }
    this.seenUpTo = last;
  }

  /** The days' stints and ratings (with the follow-ups the days tell), in day order. */
  facts(days: readonly string[]): PeriodFacts {
    const kept = days.map((day) => this.day(day));
    const followUps = followUpsOf(kept.flatMap((d) => d.followUps));
    return {
      stints: kept.flatMap((d) => d.stints),
      ratings: withFollowUps(
        kept.flatMap((d) => d.recorded),
        followUps,
      ),
    };
  }

  /** The days' attendance and empty posts, in day order. A day not over yet is replayed up to `now` and not kept. */
  shiftsOf(days: readonly string[], hall: HallConfig, now: Date): DayShifts {
    const today = hallDay(now, hall.timeZone);
    const all = days.map((day) => {
      const kept = this.shifts.get(day);
      if (kept) return kept;
      const types = [...TICKET_ENTRY_TYPES, ...WINDOW_ENTRY_TYPES];
      const entries = typed<TicketEntry | WindowEntry>(this.journal.entriesOfDay(day, types));
      const windows = entries.filter((e): e is WindowEntry => e.type.startsWith('window.'));
      const tickets = entries.filter((e): e is TicketEntry => e.type.startsWith('ticket.'));
      const shifts = {
        attendance: attendance({ windows, tickets }, hall, now),
        emptyPosts: emptyPostIntervals(entries, hall, now),
      };
      if (day < today) this.keep(this.shifts, day, shifts);
      return shifts;
    });
    return { attendance: all.flatMap((d) => d.attendance), emptyPosts: all.flatMap((d) => d.emptyPosts) };
  }

  /** Works out a day not kept yet, ahead of a report; whether there was one to work out. */
  prepare(day: string): boolean {
    if (this.days.has(day)) return false;
    this.day(day);
    return true;
  }

  private day(day: string): Day {
    const kept = this.days.get(day);
    if (kept) return kept;
    const stints = stintFacts(visitsOf(typed<TicketEntry>(this.journal.entriesOfDay(day, TICKET_ENTRY_TYPES))));
    for (const f of stints)
      if (f.stint.end?.kind === 'served') this.served.set(f.visit.ticketId, placeOfStint(f).items);
    const ratings = typed<RatingEntry>(this.journal.entriesOfDay(day, RATING_ENTRY_TYPES));
    const worked = {
      stints,
      recorded: recordedRatings(ratings, (ticketId) => this.served.get(ticketId)),
      followUps: ratings.filter((e) => e.type !== 'rating.recorded'),
    };
    this.days.set(day, worked);
    if (this.days.size > MAX_DAYS) this.forget(this.days.keys().next().value!);
    return worked;
  }

  private forget(day: string): void {
    for (const f of this.days.get(day)?.stints ?? []) this.served.delete(f.visit.ticketId);
    this.days.delete(day);
  }

  private keep<T>(map: Map<string, T>, day: string, value: T): void {
    map.set(day, value);
    if (map.size > MAX_DAYS) map.delete(map.keys().next().value!);
  }
}
