import { randomUUID } from 'node:crypto';
import type {
  TicketResponse,
  HallConfig,
  HallEvent,
  IssuedTicket,
  IssueTicketRequest,
  TicketStatus,
} from '@hallq/shared/contracts';
import type { Ticket, TicketCommand } from '@hallq/shared/domain';
import {
  QUEUED_STATES,
  checkIssuable,
  kioskCancelRefusal,
  newTicket,
  orderQueue,
  peopleAhead,
  peopleAheadOfNew,
  reactivationRank,
  ticketRequestProblem,
} from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import { ApiError } from './api-error';
import type { Appointments } from './appointments';
import type { IdCards } from './id-cards';
import type { HallDay } from './hall-day';
import type { StateChanges } from './state-changes';
import type { Actor, Reply, WritePipeline } from './write-pipeline';

/** Tickets from the kiosk to the end of the day: issue (walk-in or booked), status, give up, cancel, reactivate. */
export class Tickets {
  /** The settings in force, read at each use: a change in the console applies to the next request. */
  private get hall(): HallConfig {
    return this.today.hall;
  }

  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
    private readonly changes: StateChanges,
    private readonly appointments: Appointments,
    private readonly idCards: IdCards,
  ) {}

  issue(req: IssueTicketRequest, actor: Actor): Promise<Reply<IssuedTicket>> {
    return this.pipeline.write('issue-ticket', req.requestId, actor, (now, day) => {
      let windowTypeCode = req.windowType;
      let serviceItem = req.serviceItem ?? null;
      let appointment: Ticket['appointment'] = null;
      const card = req.idCard === undefined ? null : this.idCards.identity(req.idCard, now);
      // A card with a window type takes a ticket of that type; without one it names the person's booking.
      const booked =
        card && windowTypeCode !== undefined
          ? undefined
          : this.appointments.checkIn({ appointmentCode: req.appointmentCode, card: card ?? undefined }, now, day);
      if (booked) {
        if (windowTypeCode !== undefined && windowTypeCode !== booked.windowType) {
          throw ApiError.field('windowType', `the appointment is for window type "${booked.windowType}"`);
        }
        windowTypeCode = booked.windowType;
        serviceItem = serviceItem ?? booked.serviceItem;
        appointment = { code: booked.code, slotStart: booked.slotStart };
      }
      if (req.language !== undefined && !this.hall.languages.includes(req.language)) {
        throw ApiError.field(
          'language',
          `the hall does not offer "${req.language}" (${this.hall.languages.join(', ')})`,
        );
      }
      // The contract requires a window type unless an appointment is named, and a named one was found or refused.
      const type = this.today.windowType(windowTypeCode!, 'windowType');
      const priority = req.priority ?? null;
      const problem = ticketRequestProblem(this.hall, type, { serviceItem, priority });
      if (problem) throw ApiError.of(problem);
      // A booking is the person's already: the per-person cap counts tickets taken at the kiosk.
      if (!booked) this.idCards.checkPerPerson(type, card, actor.startsWith('staff:'), day);
      const availability = checkIssuable({
        hall: this.hall,
        windowType: type,
        now,
        issuedToday: this.today.issuedToday(type.prefix),
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
        priority,
        appointment,
        language: req.language,
        now,
      });
      // 122 random bits; randomUUID draws from a cached pool, where randomBytes makes a system call per ticket.
      const statusToken = randomUUID().replaceAll('-', '');
      this.store.insertTicket(ticket, statusToken, actor);
      if (booked) this.store.useAppointment(booked.code, booked.hallDay, ticket.id);
      else if (card) this.idCards.record(ticket.id, day, type, card);
      this.store.journal.write({
        at: now.toISOString(),
        hallDay: this.today.day,
        type: 'ticket.issued',
        actor,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        data: { windowType: type.code, serviceItem, priority, appointment: appointment?.code ?? null },
      });
      const ahead = peopleAheadOfNew(
        ticket,
        { count: this.today.queuedCount(type.code), list: () => this.today.queued(type.code) },
        now,
      );
      const body: IssuedTicket = {
        ticket,
        peopleAhead: ahead,
        estimatedWaitMinutes: this.today.estimate(type, ahead),
        windows: this.today.windowsServing(type.code).map((w) => w.number),
        statusToken,
        statusPath: `/t/${statusToken}`,
      };
      return {
        status: 201,
        body,
        apply: () => {
          this.today.addTicket(ticket, statusToken);
          this.today.setSequence(type.prefix, sequence);
          return [{ type: 'ticket.issued', ticket }];
        },
      };
    });
  }

  status(token: string): TicketStatus {
    const now = this.today.now();
    this.today.dayOf(now);
    const ticket = this.ticketOfToken(token);
    if (!ticket) throw new ApiError('not_found', 'no ticket with this status code');
    return this.toStatus(ticket, now);
  }

  /**
   * The statuses of many tickets at once (the phones following them): each window type's line is ordered once, where
   * `peopleAhead` per ticket would walk the whole line for every one. Unknown tokens are left out.
   */
  statuses(tokens: Iterable<string>): Map<string, TicketStatus> {
    const now = this.today.now();
    this.today.dayOf(now);
    const lines = new Map<string, Map<string, number>>();
    const aheadOf = (ticket: Ticket) => {
      let line = lines.get(ticket.windowType);
      if (!line) {
        line = new Map(orderQueue(this.today.queued(ticket.windowType), now).map((t, i) => [t.id, i]));
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
    return this.today.ticketOfTodayByToken(token) ?? this.store.readTicketByToken(token);
  }

  private toStatus(
    ticket: Ticket,
    now: Date,
    aheadOf = (t: Ticket) => peopleAhead(t, this.today.queued(t.windowType), now),
  ): TicketStatus {
    const queued = QUEUED_STATES.includes(ticket.state) && ticket.hallDay === this.today.day;
    const ahead = queued ? aheadOf(ticket) : null;
    const type = this.today.findWindowType(ticket.windowType);
    return {
      number: ticket.number,
      hallDay: ticket.hallDay,
      windowType: ticket.windowType,
      state: ticket.state,
      peopleAhead: ahead,
      estimatedWaitMinutes: ahead !== null && type ? this.today.estimate(type, ahead) : null,
      window: ticket.window,
      calls: ticket.calls,
      issuedAt: ticket.issuedAt,
      calledAt: ticket.calledAt,
      language: ticket.language,
      expired: ticket.hallDay !== this.today.day,
    };
  }

  /** The citizen gives the ticket up from the phone page. */
  giveUp(token: string, requestId: string, reason: string | undefined): Promise<Reply<TicketStatus>> {
    const number = this.today.ticketOfTodayByToken(token)?.number;
    if (!number) throw new ApiError('not_found', 'no ticket of today with this status code');
    const actor = `citizen:${number}`;
    return this.pipeline.write('give-up-ticket', requestId, actor, (now) => {
      const ticket = this.today.ticketByNumber(number);
      const r = this.cancelWrite(ticket, { type: 'cancel', by: 'citizen', reason }, now, actor);
      return { status: 200, body: this.toStatus(r.ticket, now), apply: r.apply };
    });
  }

  cancel(
    number: string,
    requestId: string,
    reason: string | undefined,
    actor: Actor,
    byStaff: boolean,
  ): Promise<Reply<TicketResponse>> {
    return this.pipeline.write('cancel-ticket', requestId, actor, (now) => {
      const ticket = this.today.ticketByNumber(number);
      // A kiosk cancels only its own number, fresh and still waiting (a failed print); anything else is staff's.
      if (!byStaff) {
        const refusal = kioskCancelRefusal(ticket, this.store.ticketIssuer(ticket.id) === actor, now);
        if (refusal) throw new ApiError(refusal.code, refusal.message);
      }
      const r = this.cancelWrite(ticket, { type: 'cancel', by: byStaff ? 'staff' : 'kiosk', reason }, now, actor);
      return { status: 200, body: { ticket: r.ticket }, apply: r.apply };
    });
  }

  /** Cancels a ticket; a called one also frees the window that called it, or that window could never call again. */
  private cancelWrite(ticket: Ticket, command: Extract<TicketCommand, { type: 'cancel' }>, now: Date, actor: Actor) {
    const r = this.changes.ticket(ticket, command, now, actor);
    const state = ticket.window === null ? undefined : this.today.findWindowState(ticket.window);
    if (state?.currentTicket !== ticket.id) return r;
    const w = this.changes.window(state, { type: 'assign', ticketId: null }, now, actor, r.ticket);
    return { ticket: r.ticket, apply: (): HallEvent[] => [...r.apply(), ...w.apply()] };
  }

  reactivate(number: string, requestId: string, actor: Actor): Promise<Reply<TicketResponse>> {
    return this.pipeline.write('reactivate-ticket', requestId, actor, (now, day) => {
      const ticket = this.today.ticketByNumber(number);
      const queue = orderQueue(this.today.queued(ticket.windowType), now);
      const rank = reactivationRank(queue, this.hall.policy.reactivateBehind, now);
      const r = this.changes.ticket(ticket, { type: 'reactivate', hallDay: day, rank }, now, actor);
      return { status: 200, body: { ticket: r.ticket }, apply: r.apply };
    });
  }
}
