import type { LanguageCode, QueuePolicy } from '../config/hall-config';
import { formatTicketNumber } from './numbering';
import type { Appointment, Outcome, PriorityGroup, Ticket, TicketState } from './ticket';
import type { WindowEvent } from './window-transition';

/** What a window (or a citizen, kiosk or staff member) asks to do with a ticket. */
export type TicketCommand =
  | { type: 'call'; window: number; clerk: string }
  | { type: 'recall'; window: number; clerk: string }
  | { type: 'start'; window: number; clerk: string }
  | { type: 'finish'; window: number; clerk: string; outcome: Outcome; servedItems: readonly string[] }
  | { type: 'transfer'; window: number; clerk: string; toWindowType: string; toWindow?: number; note?: string }
  | { type: 'noShow'; window: number; clerk: string }
  /** Who cancelled and why are for the caller's audit log; the ticket itself only records the state. */
  | { type: 'cancel'; by: 'citizen' | 'kiosk' | 'staff'; reason?: string }
  | { type: 'reactivate'; hallDay: string; rank: number };

export type TicketEvent =
  | { type: 'ticket.issued'; ticket: Ticket }
  | { type: 'ticket.called'; ticket: Ticket; window: number }
  | { type: 'ticket.recalled'; ticket: Ticket; window: number }
  | { type: 'ticket.updated'; ticket: Ticket; previousState: TicketState };

/** Everything the domain reports; each is also a HallEvent of the realtime stream. */
export type DomainEvent = TicketEvent | WindowEvent;

export type TransitionErrorCode = 'invalid_state' | 'wrong_window' | 'not_enough_calls' | 'other_day';

/**
 * How long after issuing a kiosk may still cancel its own number (after a failed print, or when the citizen walks
 * away from the screen); later, or another kiosk's number, or one no longer waiting, is for staff to cancel.
 */
export const KIOSK_CANCEL_MINUTES = 10;

export type TransitionResult =
  { ok: true; ticket: Ticket; events: DomainEvent[] } | { ok: false; code: TransitionErrorCode; message: string };

export interface TransitionContext {
  now: Date;
  policy: QueuePolicy;
}

export interface NewTicketInput {
  id: string;
  hallDay: string;
  windowType: string;
  prefix: string;
  sequence: number;
  serviceItem: string | null;
  priority: PriorityGroup | null;
  appointment: Appointment | null;
  /** The citizen's language at the kiosk; Chinese when not said. */
  language?: LanguageCode;
  now: Date;
}

/** A freshly issued ticket, waiting; its rank is the issue instant, so earlier tickets go first. */
export function newTicket(input: NewTicketInput): Ticket {
  return {
    id: input.id,
    hallDay: input.hallDay,
    number: formatTicketNumber(input.prefix, input.sequence),
    sequence: input.sequence,
    windowType: input.windowType,
    serviceItem: input.serviceItem,
    priority: input.priority,
    appointment: input.appointment,
    state: 'waiting',
    calls: 0,
    window: null,
    clerk: null,
    rank: input.now.getTime(),
    transfer: null,
    outcome: null,
    servedItems: [],
    language: input.language ?? 'zh',
    issuedAt: input.now.toISOString(),
    calledAt: null,
    startedAt: null,
    finishedAt: null,
  };
}

const STATE_WORDS: Record<TicketState, string> = {
  waiting: 'waiting',
  called: 'called',
  serving: 'being served',
  finished: 'finished',
  no_show: 'marked no-show',
  cancelled: 'cancelled',
  transferred: 'transferred',
};

const refuse = (code: TransitionErrorCode, message: string): TransitionResult => ({ ok: false, code, message });

function invalidState(ticket: Ticket, only: string): TransitionResult {
  return refuse('invalid_state', `ticket ${ticket.number} is ${stateWords(ticket)}; ${only}`);
}

/** The ticket's state in words, with its window when it is called or served there. */
function stateWords(ticket: Ticket): string {
  const where = ticket.window !== null && (ticket.state === 'called' || ticket.state === 'serving');
  return `${STATE_WORDS[ticket.state]}${where ? ` at window ${ticket.window}` : ''}`;
}

/**
 * Why a kiosk may not cancel this ticket (checked before the cancel command): another kiosk's (`issuedHere` false),
 * no longer waiting, or issued more than KIOSK_CANCEL_MINUTES ago. Null when it may. Staff cancel any of these.
 */
export function kioskCancelRefusal(
  ticket: Ticket,
  issuedHere: boolean,
  now: Date,
): { code: 'forbidden' | 'invalid_state'; message: string } | null {
  if (!issuedHere) {
    return {
      code: 'forbidden',
      message: `ticket ${ticket.number} was not issued at this kiosk; only staff may cancel it`,
    };
  }
  if (ticket.state !== 'waiting') {
    return {
      code: 'invalid_state',
      message: `ticket ${ticket.number} is ${stateWords(ticket)}; a kiosk cancels only a waiting ticket; staff may cancel it`,
    };
  }
  if (now.getTime() - Date.parse(ticket.issuedAt) > KIOSK_CANCEL_MINUTES * 60_000) {
    return {
      code: 'forbidden',
      message: `ticket ${ticket.number} was issued more than ${KIOSK_CANCEL_MINUTES} minutes ago; only staff may cancel it now`,
    };
  }
  return null;
}

/** Back in a queue: nothing of the last window's call remains on it. */
function requeued(ticket: Ticket): Ticket {
  return { ...ticket, calls: 0, window: null, clerk: null, calledAt: null, startedAt: null };
}

function updated(ticket: Ticket, previous: Ticket): TransitionResult {
  return { ok: true, ticket, events: [{ type: 'ticket.updated', ticket, previousState: previous.state }] };
}

type TransferTo = { toWindowType: string; toWindow?: number; note?: string };

function transferred(ticket: Ticket, from: number, to: TransferTo, now: Date, outcome: Outcome | null): Ticket {
  return {
    ...requeued(ticket),
    state: 'transferred',
    windowType: to.toWindowType,
    transfer: {
      fromWindow: from,
      toWindowType: to.toWindowType,
      ...(to.toWindow !== undefined ? { toWindow: to.toWindow } : {}),
      ...(to.note !== undefined ? { note: to.note } : {}),
    },
    outcome,
    // Among transferred tickets, the earlier handed over goes first.
    rank: now.getTime(),
  };
}

/**
 * Applies a command to a ticket. Pure: the new ticket and the events to publish, or why the command is refused.
 * Commands at a window are refused with wrong_window when the ticket is called or served at another window.
 * One event per success: call and recall announce themselves; everything else is a ticket.updated.
 */
export function transition(ticket: Ticket, command: TicketCommand, ctx: TransitionContext): TransitionResult {
  const now = ctx.now.toISOString();

  if ('window' in command) {
    const busyElsewhere = (ticket.state === 'called' || ticket.state === 'serving') && ticket.window !== command.window;
    if (busyElsewhere) {
      return refuse(
        'wrong_window',
        `ticket ${ticket.number} is ${STATE_WORDS[ticket.state]} at window ${ticket.window}, not window ${command.window}`,
      );
    }
  }

  switch (command.type) {
    case 'call': {
      if (ticket.state !== 'waiting' && ticket.state !== 'transferred') {
        return invalidState(ticket, 'only a waiting or transferred ticket can be called');
      }
      // Only a ticket still queued as handed over is bound to that window: the transfer it keeps after its service
      // (see below) no longer says where it may be called, e.g. once it was marked no-show and reactivated.
      const toWindow = ticket.state === 'transferred' ? ticket.transfer?.toWindow : undefined;
      if (toWindow !== undefined && toWindow !== command.window) {
        return refuse(
          'wrong_window',
          `ticket ${ticket.number} was handed to window ${toWindow}, not window ${command.window}`,
        );
      }
      const next: Ticket = {
        ...ticket,
        state: 'called',
        calls: 1,
        window: command.window,
        clerk: command.clerk,
        calledAt: now,
        startedAt: null,
        finishedAt: null,
        // The transfer stays: its note was written for the clerk who serves the ticket now, through the service.
        // A transfer's outcome belongs to the previous window; this window records its own.
        outcome: null,
        servedItems: [],
      };
      return { ok: true, ticket: next, events: [{ type: 'ticket.called', ticket: next, window: command.window }] };
    }

    case 'recall': {
      if (ticket.state !== 'called') return invalidState(ticket, 'only a called ticket can be called again');
      // calledAt stays the first call, so the wait is measured to it.
      const next: Ticket = { ...ticket, calls: ticket.calls + 1, clerk: command.clerk };
      return { ok: true, ticket: next, events: [{ type: 'ticket.recalled', ticket: next, window: command.window }] };
    }

    case 'start': {
      if (ticket.state !== 'called') return invalidState(ticket, 'only a called ticket can start being served');
      return updated({ ...ticket, state: 'serving', clerk: command.clerk, startedAt: now }, ticket);
    }

    case 'finish': {
      if (ticket.state !== 'serving') return invalidState(ticket, 'only a ticket being served can be finished');
      const { outcome } = command;
      if (outcome.kind === 'transferred') {
        if (outcome.toWindowType === undefined) {
          // The caller resolves toWindow to its window type; the domain does not know the hall.
          throw new TypeError('a transferred outcome must name toWindowType before it reaches the domain');
        }
        const to = { ...outcome, toWindowType: outcome.toWindowType };
        return updated(transferred(ticket, command.window, to, ctx.now, outcome), ticket);
      }
      const servedItems = [...command.servedItems];
      return updated(
        { ...ticket, state: 'finished', clerk: command.clerk, outcome, servedItems, finishedAt: now },
        ticket,
      );
    }

    case 'transfer': {
      if (ticket.state !== 'called' && ticket.state !== 'serving') {
        return invalidState(ticket, 'only a called ticket or one being served can be transferred');
      }
      return updated(transferred(ticket, command.window, command, ctx.now, null), ticket);
    }

    case 'noShow': {
      if (ticket.state !== 'called') return invalidState(ticket, 'only a called ticket can be marked no-show');
      const needed = ctx.policy.noShowAfterCalls;
      if (ticket.calls < needed) {
        return refuse(
          'not_enough_calls',
          `ticket ${ticket.number} has been called ${ticket.calls} time${ticket.calls === 1 ? '' : 's'}; ` +
            `it can be marked no-show after ${needed} calls`,
        );
      }
      // window and clerk stay: they say who gave up on the ticket.
      return updated({ ...ticket, state: 'no_show', clerk: command.clerk }, ticket);
    }

    case 'cancel': {
      if (ticket.state !== 'waiting' && ticket.state !== 'transferred' && ticket.state !== 'called') {
        return invalidState(ticket, 'only a waiting, transferred or called ticket can be cancelled');
      }
      return updated({ ...ticket, state: 'cancelled' }, ticket);
    }

    case 'reactivate': {
      if (ticket.state !== 'no_show') return invalidState(ticket, 'only a no-show ticket can be reactivated');
      if (ticket.hallDay !== command.hallDay) {
        return refuse(
          'other_day',
          `ticket ${ticket.number} is from ${ticket.hallDay}; only a ticket of today (${command.hallDay}) can be reactivated`,
        );
      }
      return updated({ ...requeued(ticket), state: 'waiting', rank: command.rank }, ticket);
    }
  }
}
