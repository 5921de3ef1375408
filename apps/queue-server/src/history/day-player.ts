import { cardKeys, sealCardProof } from '@hallq/devices';
import type { HallConfig, StaffConfig, WindowAction, WindowConfig } from '@hallq/shared/contracts';
import {
  CreateAppointmentRequest,
  IssueTicketRequest,
  SubmitRatingRequest,
  windowActions,
} from '@hallq/shared/contracts';
import type { Outcome, PauseReason, Ticket } from '@hallq/shared/domain';
import { addWorkingDays, hoursFor, hoursOn } from '@hallq/shared/domain';
import type { HallServices } from '../service/hall-services';
import type { DayPlan, PlannedVisit } from './day-plan';
import type { Random } from './prng';
import type { Timeline } from './timeline';
import { scheduleAway, scheduleLunch, scheduleMeeting, scheduleTakeover, type Desk } from './window-events';

interface Citizen {
  plan: PlannedVisit;
  ticket: Ticket;
  statusToken: string;
  noShowSeen: boolean;
  transferred: boolean;
}

export interface DayContext {
  services: HallServices;
  timeline: Timeline;
  random: Random;
  /** The instant of a local minute of the day. */
  at: (minutes: number) => number;
  now: () => number;
  requestId: () => string;
  /** A bad rating answered: its follow-up is handled in the days after. */
  badRating: (ratingId: string, window: number) => void;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * One day of the hall played through its services: clerks log in at their A posts, citizens take tickets as planned,
 * windows call, serve, hand on and close; lunch, a meeting, an A post handing its window to the B post and back, the
 * clerk who steps away while a citizen waits; the rating pads; and at closing every window logs out.
 */
export class DayPlayer {
  private readonly hall: HallConfig;
  readonly desks = new Map<number, Desk>();
  private readonly citizens = new Map<string, Citizen>();
  private readonly codes = new Map<PlannedVisit, string>();
  private cardsRead = 0;
  private readonly guide: string;

  constructor(
    readonly ctx: DayContext,
    readonly plan: DayPlan,
  ) {
    this.hall = ctx.services.today.hall;
    const guide =
      this.hall.staff.find((s) => s.role === 'floor_guide') ?? this.hall.staff.find((s) => s.role === 'manager');
    this.guide = `staff:${guide?.id ?? 'system'}`;
  }

  /** Plans the whole day on the timeline; `sendHome` tidies up after it has run. */
  schedule(): void {
    const { timeline, random, at } = this.ctx;
    const first = this.plan.visits[0]?.at ?? at(540);
    timeline.at(first - 45 * 60_000, () => this.bookAppointments());
    for (const config of this.hall.windows) {
      const aClerk = this.hall.staff.find((s) => s.aWindows.includes(config.number));
      const hours = this.windowHours(config);
      if (!aClerk || !hours) continue;
      const desk: Desk = { config, mode: 'off', tasks: [], closing: false };
      this.desks.set(config.number, desk);
      timeline.at(at(hours.open - random.between(0, 10)), async () => {
        await this.ctx.services.windows.login(config.number, aClerk, this.ctx.requestId());
        await this.free(desk);
      });
      timeline.at(at(hours.close), () => {
        desk.closing = true;
        return desk.mode === 'idle' ? this.free(desk) : undefined;
      });
    }
    scheduleLunch(this);
    scheduleAway(this);
    if (random.chance(0.5)) scheduleMeeting(this);
    if (random.chance(0.5)) scheduleTakeover(this);
    for (const visit of this.plan.visits) timeline.at(visit.at, () => this.arrive(visit));
    const closes = [...this.desks.values()].map((d) => this.windowHours(d.config)!.close);
    if (closes.length > 0) timeline.at(at(Math.max(...closes) + 60), () => this.sendHome());
  }

  /** Tickets issued so far this day. */
  get issued(): number {
    return this.citizens.size;
  }

  /**
   * Whoever still waits an hour after closing (a day busier than its windows), or after the windows of their type
   * closed, is told to come back tomorrow: the hall's day ends well before midnight.
   */
  async sendHome(): Promise<void> {
    const { services, requestId } = this.ctx;
    for (const ticket of services.today.queued()) {
      await services.tickets.cancel(ticket.number, requestId(), '当日未能办理，请次日再来', this.guide, true);
    }
  }

  private windowHours(config: WindowConfig): { open: number; close: number } | null {
    const days = config.serves.flatMap((code) => {
      const type = this.hall.windowTypes.find((t) => t.code === code);
      return (type && hoursOn(this.plan.day, hoursFor(this.hall, type), this.hall.calendar)) ?? [];
    });
    if (days.length === 0) return null;
    return {
      open: Math.min(...days.map((d) => toMinutes(d.open))),
      close: Math.max(...days.map((d) => toMinutes(d.close))),
    };
  }

  // ---------------------------------------------------------------- citizens

  private async bookAppointments(): Promise<void> {
    for (const visit of this.plan.visits) {
      if (visit.slotStart === null) continue;
      const req = CreateAppointmentRequest.parse({
        requestId: this.ctx.requestId(),
        windowType: visit.windowType,
        ...(visit.serviceItem !== null && { serviceItem: visit.serviceItem }),
        slotStart: new Date(visit.slotStart).toISOString(),
      });
      const booked = await this.ctx.services.appointments.create(req, this.guide);
      this.codes.set(visit, booked.body.code);
    }
  }

  /**
   * A type taken by ID card (每人每日限取) gets a card read as a kiosk's reader would seal it: one made-up number per
   * visit, so the cap never refuses a played citizen.
   */
  private withCard(req: IssueTicketRequest): IssueTicketRequest {
    const type = this.hall.windowTypes.find((t) => t.code === req.windowType);
    if (type?.perPersonDailyCap === undefined) return req;
    const keys = cardKeys(Buffer.from(this.ctx.services.idCards.kioskKey().key, 'base64'));
    // Counted, not drawn: the played day's random draws stay those of a hall without the cap.
    const number = `54010219900${String(++this.cardsRead).padStart(7, '0')}`;
    return { ...req, idCard: sealCardProof(number, keys, this.ctx.now()) };
  }

  private async arrive(visit: PlannedVisit): Promise<void> {
    const { services, random, requestId } = this.ctx;
    const code = this.codes.get(visit);
    const req = IssueTicketRequest.parse({
      requestId: requestId(),
      ...(code !== undefined
        ? { appointmentCode: code }
        : {
            windowType: visit.windowType,
            ...(visit.serviceItem !== null && { serviceItem: visit.serviceItem }),
            ...(visit.priority !== null && { priority: visit.priority }),
          }),
    });
    const kiosk = random.pick(this.hall.devices.kiosks);
    const { body } = await services.tickets.issue(this.withCard(req), `kiosk:${kiosk.id}`);
    const citizen = {
      plan: visit,
      ticket: body.ticket,
      statusToken: body.statusToken,
      noShowSeen: false,
      transferred: false,
    };
    this.citizens.set(body.ticket.id, citizen);
    if (Number.isFinite(visit.patienceMinutes)) {
      this.ctx.timeline.in(visit.patienceMinutes, () => this.giveUp(citizen));
    }
    await this.wake(body.ticket.windowType);
  }

  private async giveUp(citizen: Citizen): Promise<void> {
    if (this.ctx.services.today.ticket(citizen.ticket.id)?.state !== 'waiting') return;
    await this.ctx.services.tickets.giveUp(citizen.statusToken, this.ctx.requestId(), undefined);
  }

  // ---------------------------------------------------------------- windows

  /** The clerk at the window now (the A post, or the B post that took it over). */
  private clerkAt(desk: Desk): StaffConfig {
    const id = this.ctx.services.today.windowState(desk.config.number).clerk;
    const staff = this.hall.staff.find((s) => s.id === id);
    if (!staff) throw new Error(`window ${desk.config.number} has no clerk to act`);
    return staff;
  }

  private act(desk: Desk, action: WindowAction) {
    return this.ctx.services.windows.act(desk.config.number, action, this.ctx.requestId(), this.clerkAt(desk));
  }

  private waitingFor(desk: Desk): boolean {
    return desk.config.serves.some((code) => this.ctx.services.today.queuedCount(code) > 0);
  }

  /** Sends an idle window serving `windowType` to call (in window order: the hall's own preference). */
  private async wake(windowType: string): Promise<void> {
    for (const desk of this.desks.values()) {
      if (desk.mode === 'idle' && desk.config.serves.includes(windowType)) return this.free(desk);
    }
  }

  /** The window has nobody in play: its pending work first, else the next call, else it waits (or logs out). */
  async free(desk: Desk): Promise<void> {
    const task = desk.tasks.shift();
    desk.mode = 'busy';
    if (task) return task();
    if (this.ctx.services.today.windowState(desk.config.number).status === 'closed') {
      desk.mode = 'off';
    } else if (!this.waitingFor(desk)) {
      if (desk.closing) {
        await this.ctx.services.windows.logout(desk.config.number, this.clerkAt(desk), this.ctx.requestId());
        desk.mode = 'off';
      } else desk.mode = 'idle';
    } else {
      this.ctx.timeline.in(this.ctx.random.between(0.2, 1), () => this.call(desk));
    }
  }

  /** Work for a window once its current citizen has left; an idle one does it at once. */
  task(desk: Desk, work: () => Promise<void>): Promise<void> | undefined {
    desk.tasks.push(work);
    return desk.mode === 'idle' ? this.free(desk) : undefined;
  }

  private async call(desk: Desk): Promise<void> {
    const { timeline, random } = this.ctx;
    const { body } = await this.act(desk, { type: 'callNext' });
    if (!body.ticket) return void (desk.mode = 'idle');
    const citizen = this.citizens.get(body.ticket.id)!;
    // Others of its types may still wait: a second idle window helps.
    for (const code of desk.config.serves) if (this.ctx.services.today.queuedCount(code) > 0) await this.wake(code);
    if (citizen.plan.noShow !== 'no' && !citizen.noShowSeen) {
      citizen.noShowSeen = true;
      timeline.in(1.5, async () => {
        await this.act(desk, { type: 'recall' });
        timeline.in(1.5, () => this.noShow(desk, citizen));
      });
      return;
    }
    timeline.in(Math.min(3, random.around(0.8, 0.5)), async () => {
      await this.act(desk, { type: 'start' });
      const minutes = citizen.transferred
        ? random.around(this.typeOf(body.ticket!.windowType).defaultServiceMinutes, 0.4)
        : citizen.plan.serviceMinutes;
      timeline.in(minutes, () => this.endService(desk, citizen));
    });
  }

  private async noShow(desk: Desk, citizen: Citizen): Promise<void> {
    const { timeline, random, services } = this.ctx;
    await this.act(desk, { type: 'noShow' });
    if (citizen.plan.noShow === 'returns') {
      // Back from the car park: the guide desk puts the number back in line, a few places behind the front.
      timeline.in(random.between(8, 25), async () => {
        if (this.desks.get(desk.config.number)?.closing) return;
        await services.tickets.reactivate(citizen.ticket.number, this.ctx.requestId(), this.guide);
        await this.wake(citizen.ticket.windowType);
      });
    }
    timeline.in(random.between(0.2, 1), () => this.free(desk));
  }

  private async endService(desk: Desk, citizen: Citizen): Promise<void> {
    const { timeline, random, services } = this.ctx;
    const to = citizen.plan.transferTo;
    const open = (code: string) => [...this.desks.values()].some((d) => d.config.serves.includes(code) && !d.closing);
    if (to !== null && !citizen.transferred && open(to)) {
      citizen.transferred = true;
      await this.act(desk, { type: 'transfer', toWindowType: to, note: '需到专业窗口办理' });
      await this.wake(to);
    } else {
      const ticket = services.today.ticket(citizen.ticket.id)!;
      const { requestId, ...fields } = windowActions.finish.body.parse({
        requestId: this.ctx.requestId(),
        outcome: this.outcome(citizen.plan, ticket),
      });
      await services.windows.act(desk.config.number, { type: 'finish', ...fields }, requestId, this.clerkAt(desk));
      this.rate(desk, citizen);
    }
    timeline.in(random.between(0.3, 1.5), () => this.free(desk));
  }

  private outcome(plan: PlannedVisit, ticket: Ticket): Outcome {
    const item = this.hall.serviceItems.find((i) => i.code === ticket.serviceItem);
    switch (plan.outcome) {
      case 'completed':
        return { kind: 'completed' };
      case 'accepted':
        return {
          kind: 'accepted',
          promisedDate: addWorkingDays(this.plan.day, item?.promisedWorkingDays || 5, this.hall.calendar),
          caseNumber: `SL${this.plan.day.replaceAll('-', '')}${ticket.number}`,
        };
      case 'incomplete':
        return { kind: 'incomplete', missingMaterials: [item?.materials[0]?.zh ?? '申请人有效身份证件'] };
      case 'rejected':
        return { kind: 'rejected', reason: '申请事项不属于本窗口受理范围' };
    }
  }

  /** The citizen answers on the pad a few seconds after the finish, or walks off and lets the request lapse. */
  private rate(desk: Desk, citizen: Citizen): void {
    const { services, timeline, random } = this.ctx;
    const answer = citizen.plan.rating;
    const pad = this.hall.devices.displays.find((d) => d.kind === 'rating' && d.window === desk.config.number);
    const request = [...services.today.openRatings.values()].find((r) => r.ticketId === citizen.ticket.id);
    if (!answer || !pad || !request) return;
    timeline.in(random.between(0.15, 0.6), async () => {
      const req = SubmitRatingRequest.parse({
        requestId: this.ctx.requestId(),
        level: answer.level,
        ...(answer.reason !== null && { reason: { code: answer.reason } }),
      });
      const { body } = await services.ratings.submit(request.id, req, { id: pad.id, window: desk.config.number });
      if (body.rating.result === 'dissatisfied' || body.rating.result === 'very_dissatisfied') {
        this.ctx.badRating(request.id, desk.config.number);
      }
    });
  }

  private typeOf(code: string) {
    return this.hall.windowTypes.find((t) => t.code === code)!;
  }

  /** A pause once the window is free, resumed at `until(the instant it paused)`. */
  pause(desk: Desk, reason: PauseReason, until: (pausedAt: number) => number): () => Promise<void> {
    return async () => {
      if (this.ctx.services.today.windowState(desk.config.number).status !== 'open') return this.free(desk);
      await this.act(desk, { type: 'pause', reason });
      desk.mode = 'paused';
      this.ctx.timeline.at(Math.max(until(this.ctx.now()), this.ctx.now() + 2 * 60_000), async () => {
        await this.act(desk, { type: 'resume' });
        await this.free(desk);
      });
    };
  }
}
