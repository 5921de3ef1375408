import type { HallConfig, HallEvent, WindowActionResponse } from '@hallq/shared/contracts';
import type { Ticket, TicketCommand, WindowCommand, WindowState } from '@hallq/shared/domain';
import { transition, windowTransition } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { JournalType } from '../store/journal';
import { ApiError } from './api-error';
import { minutesBetween, type HallDay } from './hall-day';
import type { Actor, WriteResult } from './write-pipeline';

/** A ticket changed inside the current transaction; memory waits for `apply`. */
export interface TicketChange {
  ticket: Ticket;
  apply: () => HallEvent[];
}

/**
 * The two state machines of the hall, the ticket's and the window's, run inside a write: the pure transition, the row,
 * the journal; memory and events wait for the write's `apply`. Tickets and windows both use them (a cancelled ticket
 * frees its window, a window's action moves its ticket).
 */
export class StateChanges {
  /** The settings in force, read at each use: a change in the console applies to the next request. */
  private get hall(): HallConfig {
    return this.today.hall;
  }

  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
  ) {}

  /**
   * The ticket in play at a window: today's, or one of an earlier day left called or in service at midnight, which the
   * clerk must still be able to finish (or mark as not present) to free the window.
   */
  ticketAtWindow(id: string): Ticket | undefined {
    return this.today.ticket(id) ?? this.store.readTicketById(id);
  }

  ticket(ticket: Ticket, command: TicketCommand, now: Date, actor: Actor): TicketChange {
    const r = transition(ticket, command, { now, policy: this.hall.policy });
    if (!r.ok) throw new ApiError(r.code, r.message);
    this.store.updateTicket(r.ticket);
    const finished = this.journalTicket(ticket, r.ticket, command, now, actor) === 'ticket.finished';
    const updated = r.ticket;
    return {
      ticket: updated,
      apply: () => {
        // A ticket of an earlier day is settled in the database only: it joins neither today's queues nor its estimates.
        if (updated.hallDay !== this.today.day) return [...r.events];
        this.today.putTicket(updated);
        if (finished && ticket.startedAt) {
          this.today.addServiceMinutes(ticket.windowType, minutesBetween(ticket.startedAt, now));
        }
        return [...r.events];
      },
    };
  }

  window(
    state: WindowState,
    command: WindowCommand,
    now: Date,
    actor: Actor,
    ticket: Ticket | null,
  ): WriteResult<WindowActionResponse> {
    const r = windowTransition(state, command, now);
    if (!r.ok) throw new ApiError(r.code, r.message);
    this.store.saveWindow(r.window);
    const window = r.window;
    const entry = { at: now.toISOString(), hallDay: this.today.day, actor, window: state.number };
    if (command.type === 'login' && window.incoming?.clerk === command.clerk) {
      const { clerk, post } = window.incoming;
      this.store.journal.write({
        ...entry,
        type: 'window.takeoverAwaited',
        data: { clerk, post, serving: state.currentTicket! },
      });
    } else if (command.type !== 'assign') {
      // An assignment is journaled as the ticket's call or its end.
      this.store.journal.write({
        ...entry,
        type: WINDOW_JOURNAL[command.type],
        data: { command, status: window.status },
      });
    }
    // The window changed hands with a ticket in play (taken over at once) or when its service ended (awaited).
    const handedOver =
      window.status !== 'closed' &&
      state.status !== 'closed' &&
      window.clerk !== null &&
      window.clerk !== state.clerk &&
      (state.incoming !== null || state.currentTicket !== null);
    if (handedOver) {
      this.store.journal.write({
        ...entry,
        type: 'window.handedOver',
        data: { from: state.clerk, to: window.clerk!, post: window.post!, ticket: state.currentTicket },
      });
    }
    return {
      status: 200,
      body: { window, ticket },
      apply: () => {
        this.today.setWindow(window);
        return [...r.events];
      },
    };
  }

  /**
   * Journals a ticket's change under the name of what happened; for the statistics, a service that ended here also
   * records its type, item, day and times. Returns the entry's type.
   */
  private journalTicket(before: Ticket, after: Ticket, command: TicketCommand, now: Date, actor: Actor): JournalType {
    const entry = {
      at: now.toISOString(),
      hallDay: this.today.day,
      actor,
      window: 'window' in command ? command.window : after.window,
      ticketId: after.id,
      ticketNumber: after.number,
    };
    const moved = { command, from: before.state, to: after.state };
    if (command.type !== 'finish' && command.type !== 'transfer') {
      const type = TICKET_JOURNAL[command.type];
      this.store.journal.write({ ...entry, type, data: moved });
      return type;
    }
    const type =
      command.type === 'finish' && command.outcome.kind !== 'transferred' ? 'ticket.finished' : 'ticket.transferred';
    this.store.journal.write({
      ...entry,
      type,
      data: {
        ...moved,
        windowType: before.windowType,
        serviceItem: before.serviceItem,
        ticketDay: before.hallDay,
        ...(before.startedAt && { serviceMinutes: minutesBetween(before.startedAt, now) }),
        ...(before.calledAt && { waitMinutes: minutesBetween(before.issuedAt, new Date(before.calledAt)) }),
      },
    });
    return type;
  }
}

/** The journal's name of what each ticket command did (a finish or transfer: see `journalTicket`). */
const TICKET_JOURNAL = {
  call: 'ticket.called',
  recall: 'ticket.recalled',
  start: 'ticket.started',
  noShow: 'ticket.markedNoShow',
  cancel: 'ticket.cancelled',
  reactivate: 'ticket.reactivated',
} as const satisfies Record<Exclude<TicketCommand['type'], 'finish' | 'transfer'>, JournalType>;

/** The journal's name of what each window command did; an assignment is journaled as the ticket's change. */
const WINDOW_JOURNAL = {
  login: 'window.loggedIn',
  logout: 'window.loggedOut',
  pause: 'window.paused',
  resume: 'window.resumed',
} as const satisfies Record<Exclude<WindowCommand['type'], 'assign'>, JournalType>;
