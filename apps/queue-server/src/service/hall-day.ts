import type {
  GuideCall,
  HallConfig,
  HallEvent,
  LockerView,
  QueueInfo,
  QueuesResponse,
  RecentCall,
  Snapshot,
  WindowConfig,
  WindowTypeConfig,
} from '@hallq/shared/contracts';
import { withNames } from '@hallq/shared/contracts';
import type { DayWork, Rating, Ticket, WindowState } from '@hallq/shared/domain';
import {
  ENDED_STATES,
  QUEUED_STATES,
  addDays,
  checkIssuable,
  emptyPosts,
  estimateWaitMinutes,
  hallDay,
  initialWindowState,
  ratingRequestOf,
  zonedDateTime,
} from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import { ApiError } from './api-error';

const RECENT_CALLS = 10;
/** Service times kept per window type for the estimates: more than any hall's `estimateSamples`. */
const SERVICE_TIMES_KEPT = 100;

export interface HallDayOptions {
  hall: HallConfig;
  /** The settings version `hall` is. */
  hallVersion: number;
  store: HallStore;
  clock: () => Date;
}

/**
 * Today's state in memory, rebuilt from the database at start, when the hall's local date changes and after a failed
 * commit: the tickets and their indexes, the windows, the day's service times, the recent calls, the open guide calls
 * and rating requests, the empty posts. The feature modules read it freely, and change it only from a write's `apply`,
 * so memory never runs ahead of a savepoint. From it come the queue figures, the estimates, the derived events and the
 * snapshot.
 */
export class HallDay {
  private current: HallConfig;
  private currentVersion: number;
  private readonly store: HallStore;
  private readonly clock: () => Date;
  private typeByCode: Map<string, WindowTypeConfig>;
  private windowByNumber: Map<number, WindowConfig>;
  private readonly reloadListeners = new Set<() => void>();

  private today = '';
  private bounds = { start: 0, end: 0 };
  private tickets = new Map<string, Ticket>();
  private queuedByType = new Map<string, Map<string, Ticket>>();
  private ticketIdByNumber = new Map<string, string>();
  private ticketIdByToken = new Map<string, string>();
  private lastSequence = new Map<string, number>();
  /** Minutes of each finished service today, per window type, oldest first. */
  private serviceMinutes = new Map<string, number[]>();
  private windows = new Map<number, WindowState>();
  private activeEmptyPosts = new Set<string>();
  private recentCalls: RecentCall[] = [];
  private guideCalls = new Map<string, GuideCall>();
  private ratings = new Map<string, Rating>();

  constructor(options: HallDayOptions) {
    this.current = options.hall;
    this.currentVersion = options.hallVersion;
    this.store = options.store;
    this.clock = options.clock;
    this.typeByCode = new Map(this.current.windowTypes.map((t) => [t.code, t]));
    this.windowByNumber = new Map(this.current.windows.map((w) => [w.number, w]));
    this.reload(this.clock());
  }

  /** The hall's settings in force: every service reads them here, so a change in the console reaches them all at once. */
  get hall(): HallConfig {
    return this.current;
  }

  /**
   * A new version of the settings, from its write's `apply`: the day is rebuilt around it (a new window starts closed,
   * a removed one was closed — the change was refused otherwise), inside the write's transaction, so it reads what the
   * write and those before it in its group wrote.
   */
  setHall(hall: HallConfig, version: number, now: Date): void {
    this.current = hall;
    this.currentVersion = version;
    this.typeByCode = new Map(hall.windowTypes.map((t) => [t.code, t]));
    this.windowByNumber = new Map(hall.windows.map((w) => [w.number, w]));
    this.reload(now);
  }

  /** What the day holds that a change of the settings could strand (strandedWork). */
  dayWork(): DayWork {
    const open = [...this.tickets.values()].filter((t) => !ENDED_STATES.includes(t.state));
    const typeOfPrefix = new Map(this.current.windowTypes.map((t) => [t.prefix, t.code]));
    return {
      openTickets: open.map((t) => ({ number: t.number, windowType: t.windowType, serviceItem: t.serviceItem })),
      issuedPrefixes: new Map(
        [...this.lastSequence].filter(([, n]) => n > 0).map(([prefix]) => [prefix, typeOfPrefix.get(prefix) ?? '?']),
      ),
      windows: this.windowStates(),
    };
  }

  /** The hall day loaded in memory (the day of the last `dayOf`). */
  get day(): string {
    return this.today;
  }

  /** The hall day of `now`; loads that day's state from the database when the hall's local date has changed. */
  dayOf(now: Date): string {
    // Asking Intl for the local date costs more than the rest of a request; within the day's bounds it cannot change.
    const t = now.getTime();
    if (t >= this.bounds.start && t < this.bounds.end) return this.today;
    const day = hallDay(now, this.hall.timeZone);
    if (day === this.today) return day;
    return this.reload(now);
  }

  /** The hall's clock (tests move it by hand). */
  now(): Date {
    return this.clock();
  }

  currentDay(): string {
    return this.dayOf(this.clock());
  }

  /** Called after every reload: whoever keeps timers over this state re-arms them. */
  onReload(listener: () => void): void {
    this.reloadListeners.add(listener);
  }

  /** Rebuilds today's memory from the database. */
  reload(now: Date): string {
    const day = hallDay(now, this.hall.timeZone);
    this.today = day;
    this.bounds = {
      start: zonedDateTime(day, '00:00', this.hall.timeZone).getTime(),
      end: zonedDateTime(addDays(day, 1), '00:00', this.hall.timeZone).getTime(),
    };
    const stored = new Map(this.store.windows().map((w) => [w.number, w]));
    this.windows = new Map(
      this.hall.windows.map((w) => [w.number, stored.get(w.number) ?? initialWindowState(w.number, now)]),
    );
    this.tickets = new Map();
    this.queuedByType = new Map();
    this.ticketIdByNumber = new Map();
    this.ticketIdByToken = new Map();
    for (const { ticket, statusToken } of this.store.ticketsOfDay(day)) this.addTicket(ticket, statusToken);
    this.lastSequence = this.store.sequencesOfDay(day);
    this.serviceMinutes = new Map();
    // A ticket of yesterday finished after midnight served overnight: its time says nothing about today's pace.
    for (const s of this.store.journal.dataOfDay(day, 'ticket.finished')) {
      if (s.ticketDay === day && s.serviceMinutes !== undefined) this.addServiceMinutes(s.windowType, s.serviceMinutes);
    }
    this.recentCalls = this.store.journal.recentCalls(day, RECENT_CALLS);
    this.activeEmptyPosts = new Set();
    this.guideCalls = new Map(this.store.openGuideCallsOfDay(day).map((c) => [c.id, withNames(c, this.hall)]));
    // Not of the day: a request opened just before midnight still ends at its own expiry.
    this.ratings = new Map(this.store.ratings.openRatings().map((r) => [r.id, r]));
    for (const listener of this.reloadListeners) listener();
    return day;
  }

  // ---------------------------------------------------------------- changes (from a write's apply only)

  /** A ticket new today, with the numbers that find it. */
  addTicket(ticket: Ticket, statusToken: string): void {
    this.putTicket(ticket);
    this.ticketIdByNumber.set(ticket.number, ticket.id);
    this.ticketIdByToken.set(statusToken, ticket.id);
  }

  /** Keeps the per-type index of queued tickets in step with the tickets (a transfer moves a ticket between types). */
  putTicket(ticket: Ticket): void {
    const previous = this.tickets.get(ticket.id);
    if (previous) this.queuedByType.get(previous.windowType)?.delete(previous.id);
    this.tickets.set(ticket.id, ticket);
    if (QUEUED_STATES.includes(ticket.state)) {
      const byId = this.queuedByType.get(ticket.windowType) ?? new Map<string, Ticket>();
      byId.set(ticket.id, ticket);
      this.queuedByType.set(ticket.windowType, byId);
    }
  }

  setSequence(prefix: string, sequence: number): void {
    this.lastSequence.set(prefix, sequence);
  }

  addServiceMinutes(windowType: string, minutes: number): void {
    const list = this.serviceMinutes.get(windowType) ?? [];
    list.push(minutes);
    if (list.length > SERVICE_TIMES_KEPT) list.shift();
    this.serviceMinutes.set(windowType, list);
  }

  setWindow(state: WindowState): void {
    this.windows.set(state.number, state);
  }

  openGuideCall(call: GuideCall): void {
    this.guideCalls.set(call.id, call);
  }

  closeGuideCall(id: string): void {
    this.guideCalls.delete(id);
  }

  openRating(row: Rating): void {
    this.ratings.set(row.id, row);
  }

  closeRating(id: string): void {
    this.ratings.delete(id);
  }

  // ---------------------------------------------------------------- reads

  /** Today's unanswered guide calls by id, oldest first (insertion order). */
  get openGuideCalls(): ReadonlyMap<string, GuideCall> {
    return this.guideCalls;
  }

  /** Rating requests of any day still waiting for the citizen, by id, oldest first. */
  get openRatings(): ReadonlyMap<string, Rating> {
    return this.ratings;
  }

  ticket(id: string): Ticket | undefined {
    return this.tickets.get(id);
  }

  ticketByNumber(number: string): Ticket {
    const id = this.ticketIdByNumber.get(number);
    const ticket = id && this.tickets.get(id);
    if (!ticket) throw new ApiError('not_found', `no ticket ${number} today`);
    return ticket;
  }

  /** Today's ticket of a status token, or undefined for a token of another day (or none). */
  ticketOfTodayByToken(token: string): Ticket | undefined {
    const id = this.ticketIdByToken.get(token);
    return id ? this.tickets.get(id) : undefined;
  }

  /** Today's queued tickets (waiting or transferred), of one window type or of all. */
  queued(windowType?: string): Ticket[] {
    if (windowType !== undefined) return [...(this.queuedByType.get(windowType)?.values() ?? [])];
    const out: Ticket[] = [];
    for (const byId of this.queuedByType.values()) for (const t of byId.values()) out.push(t);
    return out;
  }

  queuedCount(windowType: string): number {
    return this.queuedByType.get(windowType)?.size ?? 0;
  }

  issuedToday(prefix: string): number {
    return this.lastSequence.get(prefix) ?? 0;
  }

  windowState(number: number): WindowState {
    const state = this.windows.get(number);
    if (!state) throw new ApiError('not_found', `no window ${number} in this hall`);
    return state;
  }

  findWindowState(number: number): WindowState | undefined {
    return this.windows.get(number);
  }

  windowStates(): WindowState[] {
    return [...this.windows.values()];
  }

  windowConfig(number: number): WindowConfig {
    const config = this.windowByNumber.get(number);
    if (!config) throw new ApiError('not_found', `no window ${number} in this hall`);
    return config;
  }

  /** The hall file's window, or undefined: for checks that report the problem in their own words. */
  findWindowConfig(number: number): WindowConfig | undefined {
    return this.windowByNumber.get(number);
  }

  findWindowType(code: string): WindowTypeConfig | undefined {
    return this.typeByCode.get(code);
  }

  /** A window type named in a request; an unknown code is that field's mistake. */
  windowType(code: string, field: string): WindowTypeConfig {
    const type = this.typeByCode.get(code);
    if (!type) throw ApiError.field(field, `unknown window type "${code}"`);
    return type;
  }

  windowsServing(typeCode: string): WindowConfig[] {
    return this.hall.windows.filter((w) => w.serves.includes(typeCode));
  }

  private openWindowsServing(typeCode: string): number[] {
    return this.windowsServing(typeCode)
      .filter((w) => {
        const s = this.windows.get(w.number);
        return s?.status === 'open' && s.clerk !== null;
      })
      .map((w) => w.number);
  }

  estimate(type: WindowTypeConfig, ahead: number): number | null {
    return estimateWaitMinutes({
      peopleAhead: ahead,
      recentServiceMinutes: this.serviceMinutes.get(type.code) ?? [],
      defaultServiceMinutes: type.defaultServiceMinutes,
      openWindows: this.openWindowsServing(type.code).length,
      samples: this.hall.policy.estimateSamples,
    });
  }

  private queueInfos(now: Date): QueueInfo[] {
    return this.hall.windowTypes.map((type) => {
      const waiting = this.queuedCount(type.code);
      const issuedToday = this.issuedToday(type.prefix);
      const availability = checkIssuable({ hall: this.hall, windowType: type, now, issuedToday });
      // ISO instants in UTC sort as strings: find the earliest, parse once.
      let oldest: string | null = null;
      for (const t of this.queuedByType.get(type.code)?.values() ?? []) {
        if (oldest === null || t.issuedAt < oldest) oldest = t.issuedAt;
      }
      return {
        windowType: type.code,
        waiting,
        estimatedWaitMinutes: this.estimate(type, waiting),
        open: availability.ok,
        closed: availability.ok
          ? null
          : { code: availability.code, message: availability.message, opensAt: availability.opensAt },
        servingWindows: this.openWindowsServing(type.code),
        issuedToday,
        dailyCap: type.dailyCap ?? null,
        longestWaitMinutes:
          oldest === null ? 0 : Math.max(0, Math.floor((now.getTime() - Date.parse(oldest)) / 60_000)),
      };
    });
  }

  queues(): QueuesResponse {
    const now = this.clock();
    const day = this.dayOf(now);
    const queues = this.queueInfos(now);
    return { hallDay: day, generatedAt: now.toISOString(), queues, emptyPosts: [...this.activeEmptyPosts] };
  }

  /** Everything a screen needs to start following the stream after event `seq`; `lockers` only for staff. */
  snapshot(seq: number, lockers: LockerView[]): Snapshot {
    const now = this.clock();
    const day = this.dayOf(now);
    const inPlay: Ticket[] = [];
    for (const t of this.tickets.values()) {
      if (QUEUED_STATES.includes(t.state) || t.state === 'called' || t.state === 'serving') inPlay.push(t);
    }
    return {
      seq,
      hallDay: day,
      hallVersion: this.currentVersion,
      queues: this.queueInfos(now),
      windows: this.windowStates(),
      tickets: inPlay,
      recentCalls: [...this.recentCalls],
      emptyPosts: [...this.activeEmptyPosts],
      guideCalls: [...this.guideCalls.values()],
      // One expired a moment ago is being recorded: the pad should not show it again.
      ratingRequests: [...this.ratings.values()]
        .filter((r) => Date.parse(r.expiresAt) > now.getTime())
        .map(ratingRequestOf),
      lockers,
    };
  }

  // ---------------------------------------------------------------- after each commit

  /**
   * A committed group's events, followed by what they change in the hall's figures: the queue stats and the empty
   * posts. Calls are remembered for the hall display's history.
   */
  withDerivedEvents(events: HallEvent[], now: Date): HallEvent[] {
    // Guide calls, ratings, follow-ups and lockers change neither queues nor windows.
    const derived = events.some(
      (e) => e.type.startsWith('ticket.') || e.type.startsWith('window.') || e.type === 'hall.changed',
    )
      ? this.derivedEvents(now)
      : [];
    this.noteCalls(events, now.toISOString());
    return derived.length > 0 ? [...events, ...derived] : events;
  }

  private derivedEvents(now: Date): HallEvent[] {
    const queues = this.queueInfos(now);
    const events: HallEvent[] = [{ type: 'queues.updated', queues }];
    const waiting = Object.fromEntries(queues.map((q) => [q.windowType, q.waiting]));
    const current = new Set(emptyPosts(this.hall, this.windowStates(), waiting));
    for (const t of current)
      if (!this.activeEmptyPosts.has(t)) events.push({ type: 'empty_post', windowType: t, active: true });
    for (const t of this.activeEmptyPosts)
      if (!current.has(t)) events.push({ type: 'empty_post', windowType: t, active: false });
    this.activeEmptyPosts = current;
    return events;
  }

  private noteCalls(events: HallEvent[], at: string): void {
    for (const e of events) {
      if (e.type === 'ticket.updated' && e.ticket.state === 'no_show' && e.previousState === 'called') {
        // Given up on: the calls of it at that window no longer send anyone there (the journal's query agrees).
        const { number, window } = e.ticket;
        this.recentCalls = this.recentCalls.filter((c) => c.number !== number || c.window !== window);
        continue;
      }
      if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') continue;
      this.recentCalls.unshift({ number: e.ticket.number, window: e.window, at, recall: e.type === 'ticket.recalled' });
      if (this.recentCalls.length > RECENT_CALLS) this.recentCalls.pop();
    }
  }
}

export function minutesBetween(fromIso: string, to: Date): number {
  return Math.max(0, (to.getTime() - Date.parse(fromIso)) / 60_000);
}
