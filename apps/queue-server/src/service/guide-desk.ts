import type { AppointmentsResponse, TicketTrace } from '@hallq/shared/contracts';
import { orderQueue, QUEUED_STATES, reactivationRank, transition } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { HallDay } from './hall-day';

/**
 * What the guide desk (导办台) reads: any ticket of the day with where it stands and why, and the day's appointments.
 * Its writes (issue, book, check in, reactivate) are the tickets' and appointments' own, called with the guide's token.
 */
export class GuideDesk {
  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
  ) {}

  trace(number: string): TicketTrace {
    const now = this.today.now();
    const day = this.today.currentDay();
    const ticket = this.today.ticketByNumber(number);
    const queue = orderQueue(this.today.queued(ticket.windowType), now);
    const place = queue.findIndex((t) => t.id === ticket.id);
    // The reactivation rule asked as the write would ask it, so the desk's answer and the server's cannot disagree.
    const rank = reactivationRank(queue, this.today.hall.policy.reactivateBehind, now);
    const tried = transition(
      ticket,
      { type: 'reactivate', hallDay: day, rank },
      { now, policy: this.today.hall.policy },
    );
    return {
      ticket,
      position: QUEUED_STATES.includes(ticket.state) && place >= 0 ? place + 1 : null,
      servingWindows: this.today
        .windowStates()
        .filter((w) => w.status === 'open' && this.today.windowConfig(w.number).serves.includes(ticket.windowType))
        .map((w) => w.number),
      history: this.store.journal.ticketHistory(ticket.hallDay, ticket.number),
      reactivation: tried.ok ? { allowed: true, reason: null } : { allowed: false, reason: tried.message },
    };
  }

  appointments(): AppointmentsResponse {
    const day = this.today.currentDay();
    return {
      appointments: this.store.appointmentsOfDay(day).map(({ ticketId, ...a }) => ({
        ...a,
        ticketNumber: ticketId === null ? null : (this.today.ticket(ticketId)?.number ?? null),
      })),
    };
  }
}
