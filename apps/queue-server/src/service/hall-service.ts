import { createHmac, randomInt, randomUUID } from 'node:crypto';
import type {
  AppointmentRecord,
  AssignFollowUpRequest,
  CallGuideRequest,
  ClerkSummary,
  CloseFollowUpRequest,
  CreateAppointmentRequest,
  FollowUp,
  FollowUpResponse,
  GuideCall,
  GuideCallResponse,
  HallConfig,
  HallEvent,
  IssuedTicket,
  IssueTicketRequest,
  NoteFollowUpRequest,
  QueueInfo,
  QueuesResponse,
  RatingRecord,
  RatingRequest,
  RatingResponse,
  RecentCall,
  Snapshot,
  StaffConfig,
  SubmitRatingRequest,
  TicketStatus,
  WindowActionResponse,
  WindowConfig,
  WindowDetail,
  WindowTypeConfig,
} from '@hallq/shared/contracts';
import type {
  Outcome,
  PauseReason,
  RatingResult,
  Ticket,
  TicketCommand,
  WindowCommand,
  WindowState,
} from '@hallq/shared/domain';
import {
  QUEUED_STATES,
  RatingLevel,
  addDays,
  addWorkingDays,
  checkIssuable,
  emptyPosts,
  estimateWaitMinutes,
  hallDay,
  initialWindowState,
  isBadRating,
  newTicket,
  orderQueue,
  peopleAhead,
  peopleAheadOfNew,
  pickNext,
  reactivationRank,
  transition,
  windowTransition,
  zonedDateTime,
} from '@hallq/shared/domain';
import type {
  AppointmentRow,
  FollowUpRow,
  HallStore,
  IdNumberDigest,
  JournalEntry,
  RatingRow,
} from '../store/hall-store';
import { ApiError } from './api-error';

/** Who asked: journaled with every write. */
export type Actor = string;

export interface HallServiceOptions {
  hall: HallConfig;
  store: HallStore;
  clock: () => Date;
  /** Receives every event after its write has committed, in order. */
  publish: (events: HallEvent[], at: Date) => void;
}

/** The result of one write: the answer, and what to apply to memory once the transaction has committed. */
export interface WriteResult<T> {
  status: number;
  body: T;
  apply: () => HallEvent[];
}

export interface Reply<T> {
  status: number;
  body: T;
}

interface PendingWrite {
  route: string;
  requestId: string;
  actor: Actor;
  run: (now: Date, day: string) => WriteResult<unknown>;
  resolve: (reply: Reply<unknown>) => void;
  reject: (error: unknown) => void;
}

const RECENT_CALLS = 10;

/**
 * The expiry timer never sleeps longer than this, and checks the hall clock when it wakes: the clock is wall time,
 * which can jump (NTP, or a test's hand-moved clock), while timers run on the monotonic clock.
 */
const EXPIRY_CHECK_MS = 1000;

/** Who records a rating request as not rated when nobody answered in time. */
const SYSTEM: Actor = 'system';

/** Rating results, every one a key of the clerk's summary. */
const RATING_RESULTS: readonly RatingResult[] = [...RatingLevel.options, 'not_rated'];

/**
 * The hall's state machine at the edge: it holds today's tickets and the windows in memory, runs the pure domain
 * functions against them, writes each change in one durable transaction, and only then updates memory and publishes.
 * Node runs one request at a time through here, so two windows can never be handed the same ticket.
 */
export class HallService {
  readonly hall: HallConfig;
  private readonly store: HallStore;
  private readonly clock: () => Date;
  private readonly publish: (events: HallEvent[], at: Date) => void;

  private readonly typeByCode: Map<string, WindowTypeConfig>;
  private readonly windowByNumber: Map<number, WindowConfig>;

  private day = '';
  private dayBounds = { start: 0, end: 0 };
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
  /** Today's unanswered guide calls by id, oldest first (insertion order). */
  private openGuideCalls = new Map<string, GuideCall>();
  /** Rating requests of any day still waiting for the citizen, by id, oldest first. */
  private openRatings = new Map<string, RatingRow>();
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiring = false;
  private closed = false;
  /** Windows with a rating pad (好差评器): only there is a finished service rated. */
  private readonly padWindows: Set<number>;
  private readonly idNumberKey: Buffer;
  private pending: PendingWrite[] = [];

  constructor(options: HallServiceOptions) {
    this.hall = options.hall;
    this.store = options.store;
    this.clock = options.clock;
    this.publish = options.publish;
    this.typeByCode = new Map(this.hall.windowTypes.map((t) => [t.code, t]));
    this.windowByNumber = new Map(this.hall.windows.map((w) => [w.number, w]));
    this.padWindows = new Set(
      this.hall.devices.displays.flatMap((d) => (d.kind === 'rating' && d.window !== undefined ? [d.window] : [])),
    );
    this.idNumberKey = this.store.installationSecret('id_number_hmac');
    this.reloadDay(this.clock());
  }

  /** Stops the rating expiry timer and waits for a sweep under way, so nothing writes after the database closes. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.expiryTimer);
    while (this.expiring) await new Promise((resolve) => setImmediate(resolve));
  }

  /** Loads the day's state from the database when the hall's local date changes (and at start). */
  private ensureDay(now: Date): string {
    // Asking Intl for the local date costs more than the rest of a request; within the day's bounds it cannot change.
    const t = now.getTime();
    if (t >= this.dayBounds.start && t < this.dayBounds.end) return this.day;
    const today = hallDay(now, this.hall.timeZone);
    if (today === this.day) return today;
    return this.reloadDay(now);
  }

  /** Rebuilds today's memory from the database. */
  private reloadDay(now: Date): string {
    const today = hallDay(now, this.hall.timeZone);
    this.day = today;
    this.dayBounds = {
      start: zonedDateTime(today, '00:00', this.hall.timeZone).getTime(),
      end: zonedDateTime(addDays(today, 1), '00:00', this.hall.timeZone).getTime(),
    };
    const stored = new Map(this.store.windows().map((w) => [w.number, w]));
    this.windows = new Map(
      this.hall.windows.map((w) => [w.number, stored.get(w.number) ?? initialWindowState(w.number, now)]),
    );
    this.tickets = new Map();
    this.queuedByType = new Map();
    this.ticketIdByNumber = new Map();
    this.ticketIdByToken = new Map();
    for (const { ticket, statusToken } of this.store.ticketsOfDay(today)) {
      this.putTicket(ticket);
      this.ticketIdByNumber.set(ticket.number, ticket.id);
      this.ticketIdByToken.set(statusToken, ticket.id);
    }
    this.lastSequence = this.store.sequencesOfDay(today);
    this.serviceMinutes = new Map();
    const finished = this.store.journalOfDay<{ windowType: string; serviceMinutes: number; ticketDay?: string }>(
      today,
      'ticket.finished',
    );
    // A ticket of yesterday finished after midnight served overnight: its time says nothing about today's pace.
    for (const s of finished) if (s.ticketDay === today) this.pushServiceMinutes(s.windowType, s.serviceMinutes);
    this.recentCalls = this.store.recentCallsOfDay(today, RECENT_CALLS);
    this.activeEmptyPosts = new Set();
    this.openGuideCalls = new Map(this.store.openGuideCallsOfDay(today).map((c) => [c.id, c]));
    // Not of the day: a request opened just before midnight still ends at its own expiry.
    this.openRatings = new Map(this.store.openRatings().map((r) => [r.id, r]));
    this.armExpiry();
    return today;
  }

  private pushServiceMinutes(windowType: string, minutes: number): void {
    const list = this.serviceMinutes.get(windowType) ?? [];
    list.push(minutes);
    if (list.length > 100) list.shift();
    this.serviceMinutes.set(windowType, list);
  }

  // ---------------------------------------------------------------- idempotent writes, committed in groups

  /**
   * Runs a write once per requestId: a repeat gets the stored answer. Writes that arrive together are committed
   * together (group commit: one fsync for many requests), each in its own savepoint so one refusal does not touch the
   * others. A write's memory changes apply as soon as its savepoint succeeds, so the next write in the group sees
   * them; answers and events leave only after the commit. The locker service writes through here too, so its
   * changes share the group commit and the requestId record.
   */
  write<T>(
    route: string,
    requestId: string,
    actor: Actor,
    run: (now: Date, day: string) => WriteResult<T>,
  ): Promise<Reply<T>> {
    return new Promise<Reply<T>>((resolve, reject) => {
      this.pending.push({ route, requestId, actor, run, resolve: resolve as (r: Reply<unknown>) => void, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const jobs = this.pending;
    this.pending = [];
    const settled: { job: PendingWrite; reply?: Reply<unknown>; error?: unknown }[] = [];
    const events: HallEvent[] = [];
    let now = this.clock();
    try {
      this.store.transaction(() => {
        for (const job of jobs) {
          now = this.clock();
          try {
            const reply = this.runOne(job, now, events);
            settled.push({ job, reply });
          } catch (error) {
            settled.push({ job, error });
          }
        }
      });
    } catch (error) {
      // The commit failed (disk full, I/O error): memory ran ahead of the disk, so reload it and refuse them all.
      this.reloadDay(now);
      for (const job of jobs) job.reject(error);
      return;
    }
    if (events.length > 0) {
      // Guide calls, ratings and follow-ups change neither queues nor windows.
      if (events.some((e) => e.type.startsWith('ticket.') || e.type.startsWith('window.'))) {
        events.push(...this.derivedEvents(now));
      }
      this.noteCalls(events, now.toISOString());
      this.publish(events, now);
    }
    for (const { job, reply, error } of settled) {
      if (reply) job.resolve(reply);
      else job.reject(error);
    }
  }

  /** One write inside the group's transaction, in its own savepoint. */
  private runOne(job: PendingWrite, now: Date, events: HallEvent[]): Reply<unknown> {
    const day = this.ensureDay(now);
    const previous = this.store.findRequest(job.requestId);
    if (previous) {
      if (previous.route !== job.route || previous.actor !== job.actor) {
        throw new ApiError('request_id_reused', `requestId ${job.requestId} was already used for another request`);
      }
      return { status: previous.status, body: previous.response };
    }
    const result = this.store.transaction(() => {
      const r = job.run(now, day);
      this.store.saveRequest(
        job.requestId,
        { route: job.route, actor: job.actor, status: r.status, response: r.body },
        now.toISOString(),
      );
      return r;
    });
    events.push(...result.apply());
    return { status: result.status, body: result.body };
  }

  private journal(now: Date, entry: Omit<JournalEntry, 'at' | 'hallDay'>): void {
    this.store.journal({ ...entry, at: now.toISOString(), hallDay: this.day });
  }

  /** Queue stats and empty-post changes that follow any change. */
  private derivedEvents(now: Date): HallEvent[] {
    const queues = this.queueInfos(now);
    const events: HallEvent[] = [{ type: 'queues.updated', queues }];
    const waiting = Object.fromEntries(queues.map((q) => [q.windowType, q.waiting]));
    const current = new Set(emptyPosts(this.hall, [...this.windows.values()], waiting));
    for (const t of current)
      if (!this.activeEmptyPosts.has(t)) events.push({ type: 'empty_post', windowType: t, active: true });
    for (const t of this.activeEmptyPosts)
      if (!current.has(t)) events.push({ type: 'empty_post', windowType: t, active: false });
    this.activeEmptyPosts = current;
    return events;
  }

  // ---------------------------------------------------------------- tickets

  issueTicket(req: IssueTicketRequest, actor: Actor): Promise<Reply<IssuedTicket>> {
    return this.write('issue-ticket', req.requestId, actor, (now, day) => {
      let windowTypeCode = req.windowType;
      let serviceItem = req.serviceItem ?? null;
      let appointment: Ticket['appointment'] = null;
      const booked =
        req.appointmentCode !== undefined
          ? this.appointmentByCode(req.appointmentCode)
          : req.appointmentIdNumber !== undefined
            ? this.appointmentByIdNumber(req.appointmentIdNumber, now, day)
            : undefined;
      if (booked) {
        const a = this.checkInAppointment(booked, now, day);
        if (windowTypeCode !== undefined && windowTypeCode !== a.windowType) {
          throw ApiError.field('windowType', `the appointment is for window type "${a.windowType}"`);
        }
        windowTypeCode = a.windowType;
        serviceItem = serviceItem ?? a.serviceItem;
        appointment = { code: a.code, slotStart: a.slotStart };
      }
      const type = this.windowType(windowTypeCode!, 'windowType');
      if (serviceItem !== null) this.checkServiceItem(serviceItem, type);
      const availability = checkIssuable({
        hall: this.hall,
        windowType: type,
        now,
        issuedToday: this.lastSequence.get(type.prefix) ?? 0,
      });
      // A booked appointment is honoured even when the day's walk-in cap is reached.
      if (!availability.ok && !(availability.code === 'cap_reached' && appointment)) {
        throw new ApiError(availability.code, availability.message, { opensAt: availability.opensAt });
      }
      const sequence = this.store.nextSequence(day, type.prefix);
      const ticket = newTicket({
        id: randomUUID(),
        hallDay: day,
        windowType: type.code,
        prefix: type.prefix,
        sequence,
        serviceItem,
        priority: req.priority ?? null,
        appointment,
        now,
      });
      // 122 random bits; randomUUID draws from a cached pool, where randomBytes makes a system call per ticket.
      const statusToken = randomUUID().replaceAll('-', '');
      this.store.insertTicket(ticket, statusToken, actor);
      if (appointment) this.store.useAppointment(appointment.code, ticket.id);
      this.journal(now, {
        type: 'ticket.issued',
        actor,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        data: { windowType: type.code, serviceItem, priority: ticket.priority, appointment: appointment?.code ?? null },
      });
      const ahead = peopleAheadOfNew(
        ticket,
        { count: this.queuedCount(type.code), list: () => this.queued(type.code) },
        now,
      );
      const body: IssuedTicket = {
        ticket,
        peopleAhead: ahead,
        estimatedWaitMinutes: this.estimate(type, ahead),
        windows: this.windowsServing(type.code).map((w) => w.number),
        statusToken,
        statusPath: `/t/${statusToken}`,
      };
      return {
        status: 201,
        body,
        apply: () => {
          this.putTicket(ticket);
          this.ticketIdByNumber.set(ticket.number, ticket.id);
          this.ticketIdByToken.set(statusToken, ticket.id);
          this.lastSequence.set(type.prefix, sequence);
          return [{ type: 'ticket.issued', ticket }];
        },
      };
    });
  }

  private appointmentByCode(code: string): AppointmentRow {
    const a = this.store.findAppointment(code);
    if (!a)
      throw new ApiError('not_found', `no appointment with code ${code}`, {
        fields: [{ path: 'appointmentCode', message: 'unknown appointment code' }],
      });
    return a;
  }

  /**
   * Today's appointment booked with this ID number: of the unused ones, the nearest to now whose check-in window is
   * open, else the nearest (so the refusal says early or missed); else a used one (so it says used).
   */
  private appointmentByIdNumber(idNumber: string, now: Date, day: string): AppointmentRow {
    const all = this.store.appointmentsByIdHash(this.idNumberDigest(idNumber).hash, day);
    const distance = (a: AppointmentRow) => Math.abs(Date.parse(a.slotStart) - now.getTime());
    const unused = all.filter((a) => a.ticketId === null).sort((a, b) => distance(a) - distance(b));
    const found = unused.find((a) => this.checkInWindow(a).contains(now)) ?? unused[0] ?? all[0];
    // Never echo the number: refusals are logged and shown on screens.
    if (!found)
      throw new ApiError('not_found', 'no appointment today for this ID card', {
        fields: [{ path: 'appointmentIdNumber', message: 'no appointment today for this ID number' }],
      });
    return found;
  }

  private checkInWindow(a: AppointmentRow) {
    const slot = Date.parse(a.slotStart);
    const earliest = slot - this.hall.policy.appointmentEarlyMinutes * 60_000;
    const latest = slot + this.hall.policy.appointmentLateMinutes * 60_000;
    return { earliest, latest, contains: (now: Date) => now.getTime() >= earliest && now.getTime() <= latest };
  }

  /** HMAC-SHA256 under this installation's secret, and the last four characters; never the number itself. */
  private idNumberDigest(idNumber: string): IdNumberDigest {
    return { hash: createHmac('sha256', this.idNumberKey).update(idNumber).digest('hex'), last4: idNumber.slice(-4) };
  }

  private checkInAppointment(a: AppointmentRow, now: Date, day: string): AppointmentRow {
    const code = a.code;
    if (a.ticketId !== null) throw new ApiError('appointment_used', `appointment ${code} has already been checked in`);
    const { earliest, latest } = this.checkInWindow(a);
    if (a.hallDay < day || now.getTime() > latest) {
      throw new ApiError(
        'appointment_missed',
        `appointment ${code} was for ${a.slotStart}; its check-in time has passed, please take a normal ticket`,
      );
    }
    if (a.hallDay > day || now.getTime() < earliest) {
      throw new ApiError(
        'appointment_too_early',
        `appointment ${code} is for ${a.slotStart}; check-in opens ${this.hall.policy.appointmentEarlyMinutes} minutes before`,
        {
          opensAt: new Date(earliest).toISOString(),
        },
      );
    }
    return a;
  }

  private checkServiceItem(code: string, type: WindowTypeConfig): void {
    const item = this.hall.serviceItems.find((s) => s.code === code);
    if (!item) throw ApiError.field('serviceItem', `unknown service item "${code}"`);
    // Comprehensive windows handle any item (无差别受理); help-and-proxy staff accompany any item.
    const anyItem = type.kind === 'comprehensive' || type.kind === 'help_and_proxy';
    if (!anyItem && item.windowType !== type.code) {
      throw ApiError.field(
        'serviceItem',
        `"${code}" is handled at window type "${item.windowType}", not "${type.code}"`,
      );
    }
  }

  createAppointment(req: CreateAppointmentRequest, actor: Actor): Promise<Reply<AppointmentRecord>> {
    return this.write('create-appointment', req.requestId, actor, (now) => {
      const type = this.windowType(req.windowType, 'windowType');
      if (req.serviceItem !== undefined) this.checkServiceItem(req.serviceItem, type);
      const slotStart = new Date(req.slotStart);
      if (slotStart.getTime() < now.getTime()) throw ApiError.field('slotStart', 'the slot has already begun');
      // A slot must fall in the type's opening hours (the day's cap does not bind a booking).
      const atSlot = checkIssuable({ hall: this.hall, windowType: type, now: slotStart, issuedToday: 0 });
      if (!atSlot.ok)
        throw ApiError.field('slotStart', `window type "${type.code}" is not open then: ${atSlot.message}`);
      let code: string;
      do code = String(randomInt(100000, 1000000));
      while (this.store.findAppointment(code));
      const record: AppointmentRecord = {
        code,
        windowType: type.code,
        serviceItem: req.serviceItem ?? null,
        slotStart: slotStart.toISOString(),
        hallDay: hallDay(slotStart, this.hall.timeZone),
        ticketNumber: null,
      };
      const idNumber = req.idNumber === undefined ? null : this.idNumberDigest(req.idNumber);
      this.store.insertAppointment(record, idNumber, actor, now.toISOString());
      this.journal(now, {
        type: 'appointment.created',
        actor,
        data: { code, windowType: type.code, slotStart: record.slotStart, idCard: idNumber !== null },
      });
      return { status: 201, body: record, apply: () => [] };
    });
  }

  ticketStatus(token: string): TicketStatus {
    const now = this.clock();
    this.ensureDay(now);
    const ticket = this.ticketOfToken(token);
    if (!ticket) throw new ApiError('not_found', 'no ticket with this status code');
    return this.toStatus(ticket, now);
  }

  /**
   * The statuses of many tickets at once (the phones following them): each window type's line is ordered once, where
   * `peopleAhead` per ticket would walk the whole line for every one. Unknown tokens are left out.
   */
  ticketStatuses(tokens: Iterable<string>): Map<string, TicketStatus> {
    const now = this.clock();
    this.ensureDay(now);
    const lines = new Map<string, Map<string, number>>();
    const aheadOf = (ticket: Ticket) => {
      let line = lines.get(ticket.windowType);
      if (!line) {
        line = new Map(orderQueue(this.queued(ticket.windowType), now).map((t, i) => [t.id, i]));
        lines.set(ticket.windowType, line);
      }
      return line.get(ticket.id) ?? 0;
    };
    const statuses = new Map<string, TicketStatus>();
    for (const token of tokens) {
      const ticket = this.ticketOfToken(token);
      if (ticket) statuses.set(token, this.toStatus(ticket, now, aheadOf));
    }
    return statuses;
  }

  /** Today's ticket from memory; one of an earlier day from the database. */
  private ticketOfToken(token: string): Ticket | undefined {
    const id = this.ticketIdByToken.get(token);
    return id ? this.tickets.get(id) : this.store.readTicketByToken(token);
  }

  private toStatus(
    ticket: Ticket,
    now: Date,
    aheadOf = (t: Ticket) => peopleAhead(t, this.queued(t.windowType), now),
  ): TicketStatus {
    const queued = QUEUED_STATES.includes(ticket.state) && ticket.hallDay === this.day;
    const ahead = queued ? aheadOf(ticket) : null;
    const type = this.typeByCode.get(ticket.windowType);
    return {
      number: ticket.number,
      hallDay: ticket.hallDay,
      windowType: ticket.windowType,
      state: ticket.state,
      peopleAhead: ahead,
      estimatedWaitMinutes: ahead !== null && type ? this.estimate(type, ahead) : null,
      window: ticket.window,
      calls: ticket.calls,
      issuedAt: ticket.issuedAt,
      calledAt: ticket.calledAt,
    };
  }

  /** The citizen gives the ticket up from the phone page. */
  giveUpTicket(token: string, requestId: string, reason: string | undefined): Promise<Reply<TicketStatus>> {
    const id = this.ticketIdByToken.get(token);
    const number = id && this.tickets.get(id)?.number;
    if (!number) throw new ApiError('not_found', 'no ticket of today with this status code');
    return this.write('give-up-ticket', requestId, `citizen:${number}`, (now) => {
      const ticket = this.ticketByNumber(number);
      const r = this.cancelWrite(ticket, { type: 'cancel', by: 'citizen', reason }, now, `citizen:${number}`);
      return { status: 200, body: this.toStatus(r.ticket, now), apply: r.apply };
    });
  }

  cancelTicket(number: string, requestId: string, reason: string | undefined, actor: Actor, byStaff: boolean) {
    return this.write('cancel-ticket', requestId, actor, (now) => {
      const ticket = this.ticketByNumber(number);
      const r = this.cancelWrite(ticket, { type: 'cancel', by: byStaff ? 'staff' : 'kiosk', reason }, now, actor);
      return { status: 200, body: { ticket: r.ticket }, apply: r.apply };
    });
  }

  /** Cancels a ticket; a called one also frees the window that called it, or that window could never call again. */
  private cancelWrite(ticket: Ticket, command: Extract<TicketCommand, { type: 'cancel' }>, now: Date, actor: Actor) {
    const r = this.ticketWrite(ticket, command, now, actor);
    const state = ticket.window === null ? undefined : this.windows.get(ticket.window);
    if (state?.currentTicket !== ticket.id) return r;
    const w = this.windowWrite(state, { type: 'assign', ticketId: null }, now, actor, r.ticket);
    return { ticket: r.ticket, apply: (): HallEvent[] => [...r.apply(), ...w.apply()] };
  }

  reactivateTicket(number: string, requestId: string, actor: Actor) {
    return this.write('reactivate-ticket', requestId, actor, (now, day) => {
      const ticket = this.ticketByNumber(number);
      const queue = orderQueue(this.queued(ticket.windowType), now);
      const rank = reactivationRank(queue, this.hall.policy.reactivateBehind, now);
      const r = this.ticketWrite(ticket, { type: 'reactivate', hallDay: day, rank }, now, actor);
      return { status: 200, body: { ticket: r.ticket }, apply: r.apply };
    });
  }

  private ticketByNumber(number: string): Ticket {
    const id = this.ticketIdByNumber.get(number);
    const ticket = id && this.tickets.get(id);
    if (!ticket) throw new ApiError('not_found', `no ticket ${number} today`);
    return ticket;
  }

  /**
   * The ticket in play at a window: today's, or one of an earlier day left called or in service at midnight, which the
   * clerk must still be able to finish (or mark no-show) to free the window.
   */
  private ticketAtWindow(id: string): Ticket | undefined {
    return this.tickets.get(id) ?? this.store.readTicketById(id);
  }

  /** Runs one ticket transition inside the current transaction; memory changes wait for `apply`. */
  private ticketWrite(ticket: Ticket, command: TicketCommand, now: Date, actor: Actor) {
    const r = transition(ticket, command, { now, policy: this.hall.policy });
    if (!r.ok) throw new ApiError(r.code, r.message);
    this.store.updateTicket(r.ticket);
    const type = journalType(command);
    this.journal(now, {
      type,
      actor,
      window: 'window' in command ? command.window : r.ticket.window,
      ticketId: r.ticket.id,
      ticketNumber: r.ticket.number,
      data: journalData(ticket, r.ticket, command, now),
    });
    const updated = r.ticket;
    return {
      ticket: updated,
      apply: (): HallEvent[] => {
        // A ticket of an earlier day is settled in the database only: it joins neither today's queues nor its estimates.
        if (updated.hallDay !== this.day) return [...r.events];
        this.putTicket(updated);
        if (type === 'ticket.finished' && ticket.startedAt) {
          this.pushServiceMinutes(ticket.windowType, minutesBetween(ticket.startedAt, now));
        }
        return [...r.events];
      },
    };
  }

  // ---------------------------------------------------------------- guide calls (呼叫导办)

  /** A kiosk asks for a guide; pressed again while its call of today waits, it gets that call back and no new alert. */
  callGuide(req: CallGuideRequest, kioskId: string): Promise<Reply<GuideCallResponse>> {
    const actor = `kiosk:${kioskId}`;
    return this.write('call-guide', req.requestId, actor, (now, day) => {
      for (const open of this.openGuideCalls.values()) {
        if (open.kiosk === kioskId) return { status: 201, body: { call: open }, apply: () => [] };
      }
      // The key that authenticated the kiosk came from this same list.
      const kiosk = this.hall.devices.kiosks.find((k) => k.id === kioskId)!;
      const call: GuideCall = {
        id: randomUUID(),
        kiosk: kiosk.id,
        zone: kiosk.zone,
        reason: req.reason,
        calledAt: now.toISOString(),
        answeredAt: null,
        answeredBy: null,
      };
      this.store.insertGuideCall(call, day);
      this.journal(now, { type: 'guide.called', actor, data: { id: call.id, zone: call.zone, reason: call.reason } });
      return {
        // Created, the repeat included: the route has one success status, and the kiosk reads calledAt either way.
        status: 201,
        body: { call },
        apply: () => {
          this.openGuideCalls.set(call.id, call);
          return [{ type: 'guide.called', call }];
        },
      };
    });
  }

  /** One call, only to the kiosk it came from: another kiosk's id is answered as unknown. */
  guideCall(id: string, kioskId: string): GuideCall {
    const call = this.store.guideCall(id);
    if (!call || call.kiosk !== kioskId) throw new ApiError('not_found', `no guide call ${id}`);
    return call;
  }

  /** Today's unanswered calls, oldest first. */
  guideCalls(): GuideCall[] {
    this.ensureDay(this.clock());
    return [...this.openGuideCalls.values()];
  }

  answerGuide(id: string, requestId: string, staff: StaffConfig): Promise<Reply<GuideCallResponse>> {
    const actor = `staff:${staff.id}`;
    return this.write('answer-guide', requestId, actor, (now) => {
      const call = this.store.guideCall(id);
      if (!call) throw new ApiError('not_found', `no guide call ${id}`);
      if (call.answeredAt !== null) {
        throw new ApiError('invalid_state', `guide call ${id} was already answered by ${call.answeredBy}`);
      }
      const answeredAt = now.toISOString();
      const answered: GuideCall = { ...call, answeredAt, answeredBy: staff.id };
      this.store.answerGuideCall(id, answeredAt, staff.id);
      this.journal(now, {
        type: 'guide.answered',
        actor,
        data: { id, kiosk: call.kiosk, waitMinutes: minutesBetween(call.calledAt, now) },
      });
      return {
        status: 200,
        body: { call: answered },
        apply: () => {
          this.openGuideCalls.delete(id);
          return [{ type: 'guide.answered', call: answered }];
        },
      };
    });
  }

  // ---------------------------------------------------------------- ratings (好差评) and their follow-ups

  /** A finished service opens a rating request at its window; one still open there ends as not rated. */
  private requestRating(ticket: Ticket, window: number, now: Date, actor: Actor): () => HallEvent[] {
    const previous = [...this.openRatings.values()].find((r) => r.window === window);
    const superseded = previous && this.endRating(previous, 'not_rated', null, now.toISOString(), now, actor);
    const row: RatingRow = {
      id: randomUUID(),
      hallDay: this.day,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      window,
      clerk: ticket.clerk,
      windowType: ticket.windowType,
      serviceItem: ticket.serviceItem,
      requestedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.hall.policy.ratingTimeoutSeconds * 1000).toISOString(),
      result: null,
      reasonCode: null,
      reasonText: null,
      recordedAt: null,
    };
    this.store.insertRating(row);
    this.journal(now, {
      type: 'rating.requested',
      actor,
      window,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      data: { id: row.id, clerk: row.clerk, expiresAt: row.expiresAt },
    });
    return () => {
      const events = superseded?.apply() ?? [];
      this.openRatings.set(row.id, row);
      this.armExpiry();
      return [...events, { type: 'rating.requested', request: ratingRequestOf(row) }];
    };
  }

  /** Records how an open request ended, inside the current transaction; memory and events wait for `apply`. */
  private endRating(
    row: RatingRow,
    result: RatingResult,
    reason: RatingRecord['reason'],
    recordedAt: string,
    now: Date,
    actor: Actor,
  ) {
    const record = ratingRecordOf({
      ...row,
      result,
      reasonCode: reason?.code ?? null,
      reasonText: reason?.text ?? null,
      recordedAt,
    });
    this.store.recordRating(record);
    this.journal(now, {
      type: 'rating.recorded',
      actor,
      window: row.window,
      ticketId: row.ticketId,
      ticketNumber: row.ticketNumber,
      data: {
        id: row.id,
        ratingDay: row.hallDay,
        clerk: row.clerk,
        windowType: row.windowType,
        serviceItem: row.serviceItem,
        result,
        reason,
      },
    });
    return {
      record,
      apply: (): HallEvent[] => {
        this.openRatings.delete(row.id);
        return [{ type: 'rating.recorded', requestId: row.id, rating: record }];
      },
    };
  }

  /** The citizen answers on the pad of the request's window; a bad rating opens a follow-up. */
  submitRating(
    id: string,
    req: SubmitRatingRequest,
    pad: { id: string; window: number | null },
  ): Promise<Reply<RatingResponse>> {
    const actor = `display:${pad.id}`;
    return this.write('submit-rating', req.requestId, actor, (now) => {
      const row = this.openRatings.get(id) ?? this.store.rating(id);
      if (!row) throw new ApiError('not_found', `no rating request ${id}`);
      if (row.window !== pad.window) {
        throw new ApiError('forbidden', `rating request ${id} is for window ${row.window}; this pad is not at it`);
      }
      if (row.result !== null) {
        throw new ApiError(
          'invalid_state',
          row.result === 'not_rated'
            ? `rating request ${id} has ended unanswered (recorded as not rated)`
            : `rating request ${id} has already been answered`,
        );
      }
      if (now.getTime() >= Date.parse(row.expiresAt)) {
        throw new ApiError('invalid_state', `rating request ${id} expired at ${row.expiresAt}`);
      }
      const reason = req.reason ? { code: req.reason.code, text: req.reason.text ?? null } : null;
      if (reason && reason.code !== 'other' && !this.hall.ratingReasons.some((r) => r.code === reason.code)) {
        throw ApiError.field(
          'reason.code',
          `unknown reason "${reason.code}": use one of the hall's reasons, or "other"`,
        );
      }
      const ended = this.endRating(row, req.level, reason, now.toISOString(), now, actor);
      const followUp = isBadRating(req.level) ? this.openFollowUp(ended.record, now, actor) : null;
      return {
        status: 200,
        body: { rating: ended.record },
        apply: () => [...ended.apply(), ...(followUp ? [{ type: 'followup.updated' as const, followUp }] : [])],
      };
    });
  }

  /** Sleeps until the earliest open request expires (at most EXPIRY_CHECK_MS), then records the expired ones. */
  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (this.closed || this.expiring || this.openRatings.size === 0) return;
    let earliest = Infinity;
    for (const r of this.openRatings.values()) earliest = Math.min(earliest, Date.parse(r.expiresAt));
    const delay = Math.min(Math.max(0, earliest - this.clock().getTime()), EXPIRY_CHECK_MS);
    this.expiryTimer = setTimeout(() => void this.expireOverdueRatings(), delay);
    this.expiryTimer.unref();
  }

  /**
   * Records every request past its expiry as not rated (never a default level), each through `write` with a requestId
   * of its own, so a sweep that runs twice (or again after a crash) records each once. The server runs it at start.
   */
  async expireOverdueRatings(): Promise<void> {
    if (this.closed || this.expiring) return;
    this.expiring = true;
    try {
      const now = this.clock().getTime();
      const due = [...this.openRatings.values()].filter((r) => Date.parse(r.expiresAt) <= now);
      // Not a client's id: a client's requestId cannot contain "/".
      const results = await Promise.allSettled(
        due.map((r) =>
          this.write('expire-rating', `system/expire-rating/${r.id}`, SYSTEM, (at) => this.expireWrite(r.id, at)),
        ),
      );
      for (const r of results) if (r.status === 'rejected') console.error('rating expiry failed', r.reason);
    } finally {
      this.expiring = false;
      this.armExpiry();
    }
  }

  private expireWrite(id: string, now: Date): WriteResult<null> {
    // Answered (or superseded) since the sweep looked: nothing to record.
    const row = this.openRatings.get(id);
    if (!row) return { status: 200, body: null, apply: () => [] };
    // Recorded as of its expiry, even when the server was down then.
    const ended = this.endRating(row, 'not_rated', null, row.expiresAt, now, SYSTEM);
    return { status: 200, body: null, apply: ended.apply };
  }

  private openFollowUp(rating: RatingRecord, now: Date, actor: Actor): FollowUp {
    const followUp: FollowUp = {
      id: randomUUID(),
      rating,
      status: 'open',
      deadline: addWorkingDays(rating.hallDay, this.hall.policy.followUpWorkingDays, this.hall.calendar),
      assignee: null,
      notes: [],
      openedAt: now.toISOString(),
      closedAt: null,
      resolution: null,
    };
    this.store.insertFollowUp({
      id: followUp.id,
      ratingId: rating.id,
      deadline: followUp.deadline,
      openedAt: followUp.openedAt,
    });
    this.journal(now, {
      type: 'followup.opened',
      actor,
      window: rating.window,
      ticketId: rating.ticketId,
      ticketNumber: rating.ticketNumber,
      data: { id: followUp.id, rating: rating.id, deadline: followUp.deadline },
    });
    return followUp;
  }

  /** Follow-ups not yet closed, the nearest deadline first. */
  followUps(): FollowUp[] {
    return this.store.followUpsNotClosed().map((f) => this.followUpOf(f));
  }

  private followUpOf(row: FollowUpRow): FollowUp {
    const { ratingId, ...rest } = row;
    return { ...rest, rating: ratingRecordOf(this.store.rating(ratingId)!), notes: this.store.followUpNotes(row.id) };
  }

  /** One change to a follow-up not yet closed, journaled and announced with the follow-up as it now stands. */
  private followUpWrite(
    action: 'assign' | 'note' | 'close',
    id: string,
    requestId: string,
    staff: StaffConfig,
    change: (row: FollowUpRow, now: Date) => { row: FollowUpRow; data: Record<string, unknown> },
  ): Promise<Reply<FollowUpResponse>> {
    const actor = `staff:${staff.id}`;
    return this.write(`${action}-follow-up`, requestId, actor, (now) => {
      const row = this.store.followUp(id);
      if (!row) throw new ApiError('not_found', `no follow-up ${id}`);
      if (row.status === 'closed') throw new ApiError('invalid_state', `follow-up ${id} was closed at ${row.closedAt}`);
      const changed = change(row, now);
      this.store.updateFollowUp(changed.row);
      this.journal(now, { type: `followup.${action}`, actor, data: { id, ...changed.data } });
      const followUp = this.followUpOf(changed.row);
      return { status: 200, body: { followUp }, apply: () => [{ type: 'followup.updated', followUp }] };
    });
  }

  assignFollowUp(id: string, req: AssignFollowUpRequest, staff: StaffConfig): Promise<Reply<FollowUpResponse>> {
    return this.followUpWrite('assign', id, req.requestId, staff, (row) => {
      if (!this.hall.staff.some((s) => s.id === req.staffId)) {
        throw ApiError.field('staffId', `no member of staff "${req.staffId}" in this hall`);
      }
      return { row: { ...row, status: 'assigned', assignee: req.staffId }, data: { assignee: req.staffId } };
    });
  }

  noteFollowUp(id: string, req: NoteFollowUpRequest, staff: StaffConfig): Promise<Reply<FollowUpResponse>> {
    return this.followUpWrite('note', id, req.requestId, staff, (row, now) => {
      this.store.insertFollowUpNote(id, {
        at: now.toISOString(),
        by: staff.id,
        text: req.text,
        calledBack: req.calledBack,
      });
      return { row, data: { calledBack: req.calledBack } };
    });
  }

  closeFollowUp(id: string, req: CloseFollowUpRequest, staff: StaffConfig): Promise<Reply<FollowUpResponse>> {
    return this.followUpWrite('close', id, req.requestId, staff, (row, now) => ({
      row: { ...row, status: 'closed', closedAt: now.toISOString(), resolution: req.resolution },
      data: { overdue: hallDay(now, this.hall.timeZone) > row.deadline },
    }));
  }

  /** The day of the clerk at this window, for the counter panel. */
  clerkSummary(windowNumber: number, staff: StaffConfig): ClerkSummary {
    const day = this.ensureDay(this.clock());
    this.clerkAt(windowNumber, staff);
    const finished = this.store.journalOfDayBy<{ serviceMinutes?: number; ticketDay?: string }>(
      day,
      'ticket.finished',
      `staff:${staff.id}`,
    );
    // As for the estimates, a service left open overnight says nothing about the clerk's pace.
    const minutes = finished
      .filter((f) => f.ticketDay === day && f.serviceMinutes !== undefined)
      .map((f) => f.serviceMinutes!);
    const counts = this.store.ratingCounts(day, staff.id);
    return {
      staffId: staff.id,
      hallDay: day,
      served: finished.length,
      averageServiceMinutes:
        minutes.length === 0 ? null : Math.round((minutes.reduce((a, b) => a + b, 0) / minutes.length) * 10) / 10,
      ratings: Object.fromEntries(RATING_RESULTS.map((r) => [r, counts.get(r) ?? 0])) as ClerkSummary['ratings'],
    };
  }

  // ---------------------------------------------------------------- windows

  /** The clerk at a window acts on the ticket in play there (or calls the next). */
  windowAction(
    windowNumber: number,
    action: WindowAction,
    requestId: string,
    staff: StaffConfig,
  ): Promise<Reply<WindowActionResponse>> {
    const actor = `staff:${staff.id}`;
    return this.write(`window-${action.type}`, requestId, actor, (now) => {
      const state = this.clerkAt(windowNumber, staff);
      switch (action.type) {
        case 'call-next':
          return this.callNext(state, staff, now, actor);
        case 'pause':
          return this.windowWrite(state, { type: 'pause', reason: action.reason }, now, actor, null);
        case 'resume':
          return this.windowWrite(state, { type: 'resume' }, now, actor, null);
        default:
          return this.actOnCurrent(state, action, staff, now, actor);
      }
    });
  }

  private callNext(state: WindowState, staff: StaffConfig, now: Date, actor: Actor): WriteResult<WindowActionResponse> {
    if (state.status !== 'open') {
      throw new ApiError(
        'invalid_state',
        `window ${state.number} is ${state.status}${state.pauseReason ? ` (${state.pauseReason})` : ''}; resume it to call`,
      );
    }
    if (state.currentTicket !== null) {
      const current = this.ticketAtWindow(state.currentTicket);
      throw new ApiError(
        'window_busy',
        `ticket ${current?.number ?? state.currentTicket} is still in play at window ${state.number}: finish, transfer or mark it no-show first`,
      );
    }
    const pick = pickNext({
      window: this.windowConfig(state.number),
      state,
      // A window is offered only its own types (a ticket transferred to it has one of them).
      queued: this.windowConfig(state.number).serves.flatMap((code) => this.queued(code)),
      policy: this.hall.policy,
      now,
    });
    if (!pick) return { status: 200, body: { window: state, ticket: null }, apply: () => [] };
    const t = this.ticketWrite(pick.ticket, { type: 'call', window: state.number, clerk: staff.id }, now, actor);
    const w = this.windowWrite(
      state,
      { type: 'assign', ticketId: t.ticket.id, priorityStreak: pick.priorityStreak },
      now,
      actor,
      t.ticket,
    );
    return {
      status: 200,
      body: w.body,
      apply: () => [...t.apply(), ...w.apply()],
    };
  }

  private actOnCurrent(
    state: WindowState,
    action: Exclude<WindowAction, { type: 'call-next' | 'pause' | 'resume' }>,
    staff: StaffConfig,
    now: Date,
    actor: Actor,
  ): WriteResult<WindowActionResponse> {
    const id = state.currentTicket;
    const ticket = id === null ? undefined : this.ticketAtWindow(id);
    if (!ticket) throw new ApiError('invalid_state', `no ticket is called at window ${state.number}`);
    const base = { window: state.number, clerk: staff.id };
    let command: TicketCommand;
    switch (action.type) {
      case 'recall':
        command = { type: 'recall', ...base };
        break;
      case 'start':
        command = { type: 'start', ...base };
        break;
      case 'no-show':
        command = { type: 'no_show', ...base };
        break;
      case 'finish': {
        const outcome =
          action.outcome.kind === 'transferred'
            ? this.resolveTransferOutcome(action.outcome, state.number)
            : action.outcome;
        command = { type: 'finish', ...base, outcome };
        break;
      }
      case 'transfer': {
        const target = this.resolveTransfer(action.toWindowType, action.toWindow, state.number);
        command = { type: 'transfer', ...base, ...target, ...(action.note !== undefined && { note: action.note }) };
        break;
      }
    }
    const t = this.ticketWrite(ticket, command, now, actor);
    // The window is free again once the ticket has left it (finished, no-show, transferred).
    const stillHere = t.ticket.window === state.number && (t.ticket.state === 'called' || t.ticket.state === 'serving');
    if (stillHere) {
      return { status: 200, body: { window: state, ticket: t.ticket }, apply: t.apply };
    }
    const w = this.windowWrite(state, { type: 'assign', ticketId: null }, now, actor, t.ticket);
    // Only the end of the visit is rated (一次一评). A transfer, as an action or as a finish's outcome, is not the end:
    // the citizen goes on to another window, and the finish there asks. A window without a pad asks nobody: a
    // request there would only ever end as not rated and skew the window's figures.
    const rated = t.ticket.state === 'finished' && this.padWindows.has(state.number);
    const rating = rated ? this.requestRating(t.ticket, state.number, now, actor) : null;
    return { status: 200, body: w.body, apply: () => [...t.apply(), ...w.apply(), ...(rating?.() ?? [])] };
  }

  private resolveTransferOutcome(outcome: Extract<Outcome, { kind: 'transferred' }>, from: number): Outcome {
    const target = this.resolveTransfer(outcome.toWindowType, outcome.toWindow, from, 'outcome.');
    return { ...outcome, ...target };
  }

  /** A transfer names a window type, a window, or both; the window must serve the type. */
  private resolveTransfer(toWindowType: string | undefined, toWindow: number | undefined, from: number, prefix = '') {
    let type: string;
    if (toWindow !== undefined) {
      const w = this.windowByNumber.get(toWindow);
      if (!w) throw ApiError.field(`${prefix}toWindow`, `unknown window ${toWindow}`);
      if (toWindow === from) throw ApiError.field(`${prefix}toWindow`, 'cannot transfer to the same window');
      if (toWindowType !== undefined && !w.serves.includes(toWindowType)) {
        throw ApiError.field(`${prefix}toWindowType`, `window ${toWindow} does not serve "${toWindowType}"`);
      }
      type = toWindowType ?? w.serves[0]!;
    } else {
      type = toWindowType!;
    }
    this.windowType(type, `${prefix}toWindowType`);
    return { toWindowType: type, ...(toWindow !== undefined && { toWindow }) };
  }

  private windowWrite(
    state: WindowState,
    command: WindowCommand,
    now: Date,
    actor: Actor,
    ticket: Ticket | null,
  ): WriteResult<WindowActionResponse> {
    const r = windowTransition(state, command, now);
    if (!r.ok) throw new ApiError(r.code, r.message);
    this.store.saveWindow(r.window);
    if (command.type !== 'assign') {
      this.journal(now, {
        type: `window.${command.type}`,
        actor,
        window: state.number,
        data: { command, status: r.window.status },
      });
    }
    const window = r.window;
    return {
      status: 200,
      body: { window, ticket },
      apply: () => {
        this.windows.set(window.number, window);
        return [...r.events];
      },
    };
  }

  /** A clerk logs in at a window: opens it, or takes it over from the other post. */
  async loginAtWindow(windowNumber: number, staff: StaffConfig, requestId: string): Promise<WindowState> {
    const post = staff.aWindows.includes(windowNumber) ? 'A' : staff.bWindows.includes(windowNumber) ? 'B' : null;
    if (post === null)
      throw new ApiError('forbidden', `${staff.id} holds neither the A nor the B post of window ${windowNumber}`);
    this.windowState(windowNumber);
    const reply = await this.write('login-at-window', requestId, `staff:${staff.id}`, (now) => {
      const state = this.windowState(windowNumber);
      // Logging in again where one already is changes nothing.
      if (state.clerk === staff.id && state.status !== 'closed') {
        return { status: 200, body: { window: state, ticket: null }, apply: () => [] };
      }
      return this.windowWrite(state, { type: 'login', clerk: staff.id, post }, now, `staff:${staff.id}`, null);
    });
    return reply.body.window;
  }

  /** The clerk leaves the window: it closes (not while a ticket is in play there). */
  async logoutFromWindow(windowNumber: number, staff: StaffConfig, requestId: string): Promise<void> {
    await this.write('logout-from-window', requestId, `staff:${staff.id}`, (now) => {
      const state = this.windowState(windowNumber);
      if (state.clerk !== staff.id) return { status: 200, body: null, apply: () => [] };
      return this.windowWrite(state, { type: 'logout', clerk: staff.id }, now, `staff:${staff.id}`, null);
    });
  }

  // ---------------------------------------------------------------- reads

  /** The window's state, when this member of staff is the clerk at it. */
  private clerkAt(windowNumber: number, staff: StaffConfig): WindowState {
    const state = this.windowState(windowNumber);
    if (state.clerk !== staff.id) {
      throw new ApiError(
        'forbidden',
        `window ${windowNumber} is served by ${state.clerk ?? 'nobody'} now, not ${staff.id}`,
      );
    }
    return state;
  }

  windowState(number: number): WindowState {
    const state = this.windows.get(number);
    if (!state) throw new ApiError('not_found', `no window ${number} in this hall`);
    return state;
  }

  private windowConfig(number: number): WindowConfig {
    const config = this.windowByNumber.get(number);
    if (!config) throw new ApiError('not_found', `no window ${number} in this hall`);
    return config;
  }

  windowStates(): WindowState[] {
    return [...this.windows.values()];
  }

  windowDetail(number: number): WindowDetail {
    const now = this.clock();
    this.ensureDay(now);
    const config = this.windowConfig(number);
    const state = this.windowState(number);
    return {
      config,
      state,
      current: state.currentTicket ? (this.ticketAtWindow(state.currentTicket) ?? null) : null,
      queues: config.serves.map((code) => {
        const ofType = orderQueue(this.queued(code), now);
        return { windowType: code, waiting: ofType.length, next: ofType.slice(0, 5) };
      }),
    };
  }

  private windowType(code: string, field: string): WindowTypeConfig {
    const type = this.typeByCode.get(code);
    if (!type) throw ApiError.field(field, `unknown window type "${code}"`);
    return type;
  }

  /** Today's queued tickets (waiting or transferred), of one window type or of all. */
  private queued(windowType?: string): Ticket[] {
    if (windowType !== undefined) return [...(this.queuedByType.get(windowType)?.values() ?? [])];
    const out: Ticket[] = [];
    for (const byId of this.queuedByType.values()) for (const t of byId.values()) out.push(t);
    return out;
  }

  private queuedCount(windowType: string): number {
    return this.queuedByType.get(windowType)?.size ?? 0;
  }

  /** Keeps the per-type index of queued tickets in step with the tickets (a transfer moves a ticket between types). */
  private putTicket(ticket: Ticket): void {
    const previous = this.tickets.get(ticket.id);
    if (previous) this.queuedByType.get(previous.windowType)?.delete(previous.id);
    this.tickets.set(ticket.id, ticket);
    if (QUEUED_STATES.includes(ticket.state)) {
      const byId = this.queuedByType.get(ticket.windowType) ?? new Map<string, Ticket>();
      byId.set(ticket.id, ticket);
      this.queuedByType.set(ticket.windowType, byId);
    }
  }

  private windowsServing(typeCode: string): WindowConfig[] {
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

  private estimate(type: WindowTypeConfig, ahead: number): number | null {
    return estimateWaitMinutes({
      peopleAhead: ahead,
      recentServiceMinutes: this.serviceMinutes.get(type.code) ?? [],
      defaultServiceMinutes: type.defaultServiceMinutes,
      openWindows: this.openWindowsServing(type.code).length,
      samples: this.hall.policy.estimateSamples,
    });
  }

  queueInfos(now: Date): QueueInfo[] {
    return this.hall.windowTypes.map((type) => {
      const waiting = this.queuedCount(type.code);
      const issuedToday = this.lastSequence.get(type.prefix) ?? 0;
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
    const day = this.ensureDay(now);
    const queues = this.queueInfos(now);
    return { hallDay: day, generatedAt: now.toISOString(), queues, emptyPosts: [...this.activeEmptyPosts] };
  }

  snapshot(seq: number): Snapshot {
    const now = this.clock();
    const day = this.ensureDay(now);
    const inPlay: Ticket[] = [];
    for (const t of this.tickets.values()) {
      if (QUEUED_STATES.includes(t.state) || t.state === 'called' || t.state === 'serving') inPlay.push(t);
    }
    return {
      seq,
      hallDay: day,
      queues: this.queueInfos(now),
      windows: this.windowStates(),
      tickets: inPlay,
      recentCalls: [...this.recentCalls],
      emptyPosts: [...this.activeEmptyPosts],
      guideCalls: [...this.openGuideCalls.values()],
      // One expired a moment ago is being recorded: the pad should not show it again.
      ratingRequests: [...this.openRatings.values()]
        .filter((r) => Date.parse(r.expiresAt) > now.getTime())
        .map(ratingRequestOf),
    };
  }

  /** Remembers calls for the hall display's history. */
  private noteCalls(events: HallEvent[], at: string): void {
    for (const e of events) {
      if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') continue;
      this.recentCalls.unshift({ number: e.ticket.number, window: e.window, at, recall: e.type === 'ticket.recalled' });
      if (this.recentCalls.length > RECENT_CALLS) this.recentCalls.pop();
    }
  }

  currentDay(): string {
    return this.ensureDay(this.clock());
  }

  now(): Date {
    return this.clock();
  }
}

export type WindowAction =
  | { type: 'call-next' }
  | { type: 'recall' }
  | { type: 'no-show' }
  | { type: 'start' }
  | { type: 'finish'; outcome: Outcome }
  | { type: 'transfer'; toWindowType?: string; toWindow?: number; note?: string }
  | { type: 'pause'; reason: PauseReason }
  | { type: 'resume' };

function ratingRequestOf(r: RatingRow): RatingRequest {
  return {
    id: r.id,
    window: r.window,
    ticketNumber: r.ticketNumber,
    clerk: r.clerk,
    requestedAt: r.requestedAt,
    expiresAt: r.expiresAt,
  };
}

/** A rating that has ended (its result set). */
function ratingRecordOf(r: RatingRow): RatingRecord {
  return {
    id: r.id,
    hallDay: r.hallDay,
    ticketId: r.ticketId,
    ticketNumber: r.ticketNumber,
    window: r.window,
    clerk: r.clerk,
    windowType: r.windowType,
    serviceItem: r.serviceItem,
    result: r.result!,
    reason: r.reasonCode === null ? null : { code: r.reasonCode, text: r.reasonText },
    requestedAt: r.requestedAt,
    recordedAt: r.recordedAt!,
  };
}

function journalType(command: TicketCommand): string {
  if (command.type === 'finish')
    return command.outcome.kind === 'transferred' ? 'ticket.transferred' : 'ticket.finished';
  return `ticket.${command.type === 'transfer' ? 'transferred' : command.type}`;
}

function minutesBetween(fromIso: string, to: Date): number {
  return Math.max(0, (to.getTime() - Date.parse(fromIso)) / 60_000);
}

/** What the statistics will need from each event: the command, and for finishes the service time and its type. */
function journalData(before: Ticket, after: Ticket, command: TicketCommand, now: Date): Record<string, unknown> {
  const data: Record<string, unknown> = { command, from: before.state, to: after.state };
  if (command.type === 'finish' || command.type === 'transfer') {
    data.windowType = before.windowType;
    data.serviceItem = before.serviceItem;
    data.ticketDay = before.hallDay;
    if (before.startedAt) data.serviceMinutes = minutesBetween(before.startedAt, now);
    if (before.calledAt) data.waitMinutes = minutesBetween(before.issuedAt, new Date(before.calledAt));
  }
  return data;
}
