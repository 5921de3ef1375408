import type { ClientToServerEvents, EventEnvelope, ServerToClientEvents, TicketStatus } from '@hallq/shared/contracts';
import type { Socket } from 'socket.io';
import type { HallDay } from '../service/hall-day';
import type { Tickets } from '../service/tickets';
import type { HallIo } from './hall-io';
import type { HallLog } from '../log/logger';

const ROOM_PREFIX = 'status:';

/** What the feed remembers of the status last sent to one ticket's room. */
interface Watch {
  json: string;
  ticket: string;
  hallDay: string;
  windowType: string;
  expired: boolean;
}

const ticketKey = (t: { hallDay: string; number: string }) => `${t.hallDay}/${t.number}`;

const watchOf = (status: TicketStatus, json = JSON.stringify(status)): Watch => ({
  json,
  ticket: ticketKey(status),
  hallDay: status.hallDay,
  windowType: status.windowType,
  expired: status.expired,
});

/**
 * Pushes `status` to the phone pages. All phones following one ticket share the room `status:<token>`, so a status is
 * computed and serialised once per ticket, however many phones follow it. After a commit it recomputes only what the
 * events can have changed: tickets named in an event, and today's tickets of a window type whose line or open windows
 * changed. That runs once for all the groups committed meanwhile, after their answers have gone (setImmediate), so a
 * hall full of phones does not hold up the call path; a room is sent only a status that differs from its last one.
 */
export class StatusFeed {
  private readonly watches = new Map<string, Watch>();
  private readonly servesByWindow: Map<number, readonly string[]>;
  private touchedTypes = new Set<string>();
  private touchedTickets = new Set<string>();
  private scheduled = false;

  constructor(
    private readonly io: HallIo,
    private readonly tickets: Tickets,
    private readonly today: HallDay,
    private readonly log: HallLog,
  ) {
    this.servesByWindow = new Map(today.hall.windows.map((w) => [w.number, w.serves]));
    // The room's last phone has gone: stop watching its ticket.
    io.of('/').adapter.on('delete-room', (room: string) => {
      if (room.startsWith(ROOM_PREFIX)) this.watches.delete(room.slice(ROOM_PREFIX.length));
    });
  }

  /** A phone connects: it gets the ticket's status at once, and joins the ticket's room for the changes. */
  join(socket: Socket<ClientToServerEvents, ServerToClientEvents>, token: string): void {
    const status = this.tickets.status(token);
    void socket.join(ROOM_PREFIX + token);
    if (!this.watches.has(token)) this.watches.set(token, watchOf(status));
    socket.emit('status', status);
  }

  /** Notes what a committed group touched; cheap, as it runs before the group's answers are sent. */
  onEvents = (envelopes: EventEnvelope[]): void => {
    if (this.watches.size === 0) return;
    for (const { event } of envelopes) {
      switch (event.type) {
        case 'ticket.issued':
        case 'ticket.called':
        case 'ticket.recalled':
        case 'ticket.updated':
          // A finish also changes the type's estimate (the day's service times).
          this.touchedTypes.add(event.ticket.windowType);
          this.touchedTickets.add(ticketKey(event.ticket));
          break;
        case 'window.updated':
          // A window opening, closing or pausing changes the estimates of every type it serves.
          for (const type of this.servesByWindow.get(event.window.number) ?? []) this.touchedTypes.add(type);
          break;
        default:
      }
    }
    if (!this.scheduled && (this.touchedTypes.size > 0 || this.touchedTickets.size > 0)) {
      this.scheduled = true;
      setImmediate(this.push);
    }
  };

  private push = (): void => {
    this.scheduled = false;
    const types = this.touchedTypes;
    const tickets = this.touchedTickets;
    this.touchedTypes = new Set();
    this.touchedTickets = new Set();
    const today = this.today.currentDay();
    const due: string[] = [];
    for (const [token, w] of this.watches) {
      // A ticket of a day that has ended is told so once, at the first change of the new day.
      const ended = w.hallDay !== today && !w.expired;
      if (ended || tickets.has(w.ticket) || (w.hallDay === today && types.has(w.windowType))) due.push(token);
    }
    if (due.length === 0) return;
    let statuses: Map<string, TicketStatus>;
    try {
      statuses = this.tickets.statuses(due);
    } catch (error) {
      // Off the request path nobody would hear of it, and it must not bring the hall down: the phones miss one update.
      this.log.error({ err: error }, 'status feed: could not compute ticket statuses');
      return;
    }
    for (const [token, status] of statuses) {
      const json = JSON.stringify(status);
      const last = this.watches.get(token);
      if (!last || last.json === json) continue;
      this.watches.set(token, watchOf(status, json));
      this.io.to(ROOM_PREFIX + token).emit('status', status);
    }
  };
}
