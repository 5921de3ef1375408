import type {
  ClerkSummary,
  HallConfig,
  StaffConfig,
  WindowAction,
  WindowActionResponse,
  WindowDetail,
} from '@hallq/shared/contracts';
import { publicTicket, windowActionSegment } from '@hallq/shared/contracts';
import type { Outcome, RatingResult, Ticket, TicketCommand, WindowState } from '@hallq/shared/domain';
import { RatingLevel, orderQueue, pickNext, servedItemsAtFinish, windowHeldElsewhere } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import { ApiError } from './api-error';
import type { HallDay } from './hall-day';
import type { Ratings } from './ratings';
import type { StateChanges } from './state-changes';
import type { Actor, Reply, WritePipeline, WriteResult } from './write-pipeline';

/** Rating results, every one a key of the clerk's summary. */
const RATING_RESULTS: readonly RatingResult[] = [...RatingLevel.options, 'not_rated'];

/** The actions on the ticket in play at a window (the others act on the window itself). */
type TicketAction = Extract<WindowAction, { type: 'recall' | 'start' | 'noShow' | 'finish' | 'transfer' }>;

/** The windows: the clerk's actions there (call, serve, transfer …), logging in and out, and the clerk's day. */
export class Windows {
  /** The settings in force, read at each use: a change in the console applies to the next request. */
  private get hall(): HallConfig {
    return this.today.hall;
  }

  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
    private readonly changes: StateChanges,
    private readonly ratings: Ratings,
  ) {}

  /** The clerk at a window acts on the ticket in play there, or on the window (call the next, pause, resume). */
  act(
    windowNumber: number,
    action: WindowAction,
    requestId: string,
    staff: StaffConfig,
  ): Promise<Reply<WindowActionResponse>> {
    const actor = `staff:${staff.id}`;
    // The route of the idempotency record: the path segment, as records of earlier versions have it.
    return this.pipeline.write(`window-${windowActionSegment(action.type)}`, requestId, actor, (now) => {
      const state = this.clerkAt(windowNumber, staff);
      switch (action.type) {
        case 'callNext':
          return this.callNext(state, staff, now, actor);
        case 'pause':
          return this.changes.window(state, { type: 'pause', reason: action.reason }, now, actor, null);
        case 'resume':
          return this.changes.window(state, { type: 'resume' }, now, actor, null);
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
      const current = this.changes.ticketAtWindow(state.currentTicket);
      throw new ApiError(
        'window_busy',
        `ticket ${current?.number ?? state.currentTicket} is still in play at window ${state.number}: finish, transfer or mark it as not present first`,
      );
    }
    const config = this.today.windowConfig(state.number);
    const pick = pickNext({
      window: config,
      state,
      // A window is offered only its own types (a ticket transferred to it has one of them).
      queued: config.serves.flatMap((code) => this.today.queued(code)),
      policy: this.hall.policy,
      now,
    });
    if (!pick) return { status: 200, body: { window: state, ticket: null }, apply: () => [] };
    const t = this.changes.ticket(pick.ticket, { type: 'call', window: state.number, clerk: staff.id }, now, actor);
    const w = this.changes.window(
      state,
      { type: 'assign', ticketId: t.ticket.id, priorityStreak: pick.priorityStreak },
      now,
      actor,
      t.ticket,
    );
    return { status: 200, body: w.body, apply: () => [...t.apply(), ...w.apply()] };
  }

  private actOnCurrent(
    state: WindowState,
    action: TicketAction,
    staff: StaffConfig,
    now: Date,
    actor: Actor,
  ): WriteResult<WindowActionResponse> {
    const id = state.currentTicket;
    const ticket = id === null ? undefined : this.changes.ticketAtWindow(id);
    if (!ticket) throw new ApiError('invalid_state', `no ticket is called at window ${state.number}`);
    const t = this.changes.ticket(ticket, this.ticketCommand(action, ticket, state.number, staff), now, actor);
    // The window is free again once the ticket has left it (finished, not present, transferred).
    const stillHere = t.ticket.window === state.number && (t.ticket.state === 'called' || t.ticket.state === 'serving');
    if (stillHere) {
      return { status: 200, body: { window: state, ticket: t.ticket }, apply: t.apply };
    }
    const w = this.changes.window(state, { type: 'assign', ticketId: null }, now, actor, t.ticket);
    // Only the end of the visit is rated (一次一评). A transfer, as an action or as a finish's outcome, is not the end:
    // the citizen goes on to another window, and the finish there asks.
    const rating = t.ticket.state === 'finished' ? this.ratings.requestFor(t.ticket, state.number, now, actor) : null;
    return { status: 200, body: w.body, apply: () => [...t.apply(), ...w.apply(), ...(rating?.() ?? [])] };
  }

  private ticketCommand(action: TicketAction, ticket: Ticket, window: number, staff: StaffConfig): TicketCommand {
    const base = { window, clerk: staff.id };
    switch (action.type) {
      case 'recall':
      case 'start':
      case 'noShow':
        return { type: action.type, ...base };
      case 'finish': {
        const { outcome } = action;
        const served = servedItemsAtFinish(action.servedItems, ticket, outcome, this.today.hall);
        if (!served.ok) throw ApiError.field(served.field, served.message);
        return {
          type: 'finish',
          ...base,
          outcome: outcome.kind === 'transferred' ? this.resolveTransferOutcome(outcome, window) : outcome,
          servedItems: served.items,
        };
      }
      case 'transfer': {
        const target = this.resolveTransfer(action.toWindowType, action.toWindow, window);
        return { type: 'transfer', ...base, ...target, ...(action.note !== undefined && { note: action.note }) };
      }
    }
  }

  private resolveTransferOutcome(outcome: Extract<Outcome, { kind: 'transferred' }>, from: number): Outcome {
    const target = this.resolveTransfer(outcome.toWindowType, outcome.toWindow, from, 'outcome.');
    return { ...outcome, ...target };
  }

  /** A transfer names a window type, a window, or both; the window must serve the type. */
  private resolveTransfer(toWindowType: string | undefined, toWindow: number | undefined, from: number, prefix = '') {
    let type: string;
    if (toWindow !== undefined) {
      const w = this.today.findWindowConfig(toWindow);
      if (!w) throw ApiError.field(`${prefix}toWindow`, `unknown window ${toWindow}`);
      if (toWindow === from) throw ApiError.field(`${prefix}toWindow`, 'cannot transfer to the same window');
      if (toWindowType !== undefined && !w.serves.includes(toWindowType)) {
        throw ApiError.field(`${prefix}toWindowType`, `window ${toWindow} does not serve "${toWindowType}"`);
      }
      type = toWindowType ?? w.serves[0]!;
    } else {
      // The contract requires one of the two.
      type = toWindowType!;
    }
    this.today.windowType(type, `${prefix}toWindowType`);
    return { toWindowType: type, ...(toWindow !== undefined && { toWindow }) };
  }

  /**
   * A clerk logs in at a window: opens it, or takes it over from the other post — at once when nobody is served
   * there, else when that service ends (or at once with `takeOver`, the citizen too). A clerk already at another window
   * is refused (409 at_another_window) unless `move` says they leave it: then it closes in the same write.
   */
  async login(
    windowNumber: number,
    staff: StaffConfig,
    requestId: string,
    options: { move?: boolean; takeOver?: boolean } = {},
  ): Promise<WindowState> {
    const { move = false, takeOver = false } = options;
    const post = staff.aWindows.includes(windowNumber) ? 'A' : staff.bWindows.includes(windowNumber) ? 'B' : null;
    if (post === null)
      throw new ApiError('forbidden', `${staff.id} holds neither the A nor the B post of window ${windowNumber}`);
    this.today.windowState(windowNumber);
    const actor = `staff:${staff.id}`;
    const reply = await this.pipeline.write('login-at-window', requestId, actor, (now) => {
      const state = this.today.windowState(windowNumber);
      // Logging in again where one already is changes nothing.
      if (state.clerk === staff.id && state.status !== 'closed') {
        return { status: 200, body: { window: state, ticket: null }, apply: () => [] };
      }
      const elsewhere = windowHeldElsewhere(this.today.windowStates(), staff.id, windowNumber);
      if (elsewhere && !move) {
        throw new ApiError(
          'at_another_window',
          `${staff.id} is logged in at window ${elsewhere.number}: log out there first, or move here (move: true)`,
        );
      }
      // Leaving the other window is a logout there: refused while a citizen is at it, nothing changed then.
      const left = elsewhere && this.changes.window(elsewhere, { type: 'logout', clerk: staff.id }, now, actor, null);
      const login = { type: 'login', clerk: staff.id, post, ...(takeOver && { now: true }) } as const;
      const here = this.changes.window(state, login, now, actor, null);
      return left ? { ...here, apply: () => [...left.apply(), ...here.apply()] } : here;
    });
    return reply.body.window;
  }

  /**
   * AB岗 hand-over: the clerk at the window passes it now, citizen and all, to the other post waiting to take it over,
   * as that clerk's takeOver login would. Journaled as a hand-over, like every change of hands.
   */
  handOver(windowNumber: number, staff: StaffConfig, requestId: string): Promise<Reply<WindowActionResponse>> {
    const actor = `staff:${staff.id}`;
    return this.pipeline.write('hand-over', requestId, actor, (now) => {
      const state = this.clerkAt(windowNumber, staff);
      if (state.incoming === null) {
        throw new ApiError('invalid_state', `nobody is waiting to take window ${windowNumber} over`);
      }
      const { clerk, post } = state.incoming;
      const current = state.currentTicket === null ? null : (this.changes.ticketAtWindow(state.currentTicket) ?? null);
      return this.changes.window(state, { type: 'login', clerk, post, now: true }, now, actor, current);
    });
  }

  /** The clerk leaves the window: it closes (not while a ticket is in play there). */
  async logout(windowNumber: number, staff: StaffConfig, requestId: string): Promise<void> {
    const actor = `staff:${staff.id}`;
    await this.pipeline.write('logout-from-window', requestId, actor, (now) => {
      const state = this.today.windowState(windowNumber);
      // Neither at the window nor waiting to take it over: nothing of theirs to leave.
      if (state.clerk !== staff.id && state.incoming?.clerk !== staff.id)
        return { status: 200, body: null, apply: () => [] };
      return this.changes.window(state, { type: 'logout', clerk: staff.id }, now, actor, null);
    });
  }

  /** The window's state, when this member of staff is the clerk at it. */
  private clerkAt(windowNumber: number, staff: StaffConfig): WindowState {
    const state = this.today.windowState(windowNumber);
    if (state.clerk !== staff.id) {
      throw new ApiError(
        'forbidden',
        `window ${windowNumber} is served by ${state.clerk ?? 'nobody'} now, not ${staff.id}`,
      );
    }
    return state;
  }

  /** A window as devices read it (`GET /api/windows/:id`): its tickets as their public view only. */
  detail(number: number): WindowDetail {
    const now = this.today.now();
    this.today.dayOf(now);
    const config = this.today.windowConfig(number);
    const state = this.today.windowState(number);
    return {
      config,
      state,
      current: state.currentTicket ? publicOrNull(this.changes.ticketAtWindow(state.currentTicket)) : null,
      queues: config.serves.map((code) => {
        const ofType = orderQueue(this.today.queued(code), now);
        return { windowType: code, waiting: ofType.length, next: ofType.slice(0, 5).map(publicTicket) };
      }),
    };
  }

  /** The day of the clerk at this window, for the counter panel. */
  clerkSummary(windowNumber: number, staff: StaffConfig): ClerkSummary {
    const day = this.today.currentDay();
    this.clerkAt(windowNumber, staff);
    const finished = this.store.journal.dataOfDay(day, 'ticket.finished', `staff:${staff.id}`);
    // As for the estimates, a service left open overnight says nothing about the clerk's pace.
    const minutes = finished
      .filter((f) => f.ticketDay === day && f.serviceMinutes !== undefined)
      .map((f) => f.serviceMinutes!);
    const counts = this.store.ratings.ratingCounts(day, staff.id);
    return {
      staffId: staff.id,
      hallDay: day,
      served: finished.length,
      averageServiceMinutes:
        minutes.length === 0 ? null : Math.round((minutes.reduce((a, b) => a + b, 0) / minutes.length) * 10) / 10,
      ratings: Object.fromEntries(RATING_RESULTS.map((r) => [r, counts.get(r) ?? 0])) as ClerkSummary['ratings'],
    };
  }
}

const publicOrNull = (ticket: Ticket | undefined) => (ticket ? publicTicket(ticket) : null);
