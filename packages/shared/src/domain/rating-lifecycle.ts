import type { HallConfig, QueuePolicy } from '../config/hall-config';
import { addWorkingDays } from './calendar';
import { hallDay } from './hall-time';
import type { FollowUp, Rating, RatingLevel, RatingReason, RatingRecord, RatingRequest, RatingResult } from './rating';
import { isBadRating } from './rating';
import type { Ticket } from './ticket';

// 好差评 as transitions like the ticket's (transition.ts): a rating request is opened when a window finishes a
// service, and ends once — answered on the pad, expired unanswered, or superseded by the window's next service. A bad
// answer opens a follow-up (回访整改), which is assigned, noted and closed against a deadline in working days.

export type RatingEvent =
  | { type: 'rating.requested'; request: RatingRequest }
  | { type: 'rating.recorded'; requestId: string; rating: RatingRecord };
export type FollowUpEvent = { type: 'followup.updated'; followUp: FollowUp };

/**
 * A refusal, with the request field at fault where there is one (`message` is then the field's message; the full
 * message is `${field}: ${message}`, as for any invalid field).
 */
export interface LifecycleRefusal<Code extends string> {
  ok: false;
  code: Code;
  message: string;
  field?: string;
}

export interface NewRatingInput {
  id: string;
  /** The service just finished. */
  ticket: Pick<Ticket, 'id' | 'number' | 'clerk' | 'windowType' | 'serviceItem'>;
  /** The window it was finished at: its rating pad asks. */
  window: number;
  /** The hall day the service was finished on (the rating counts for that day's evaluation). */
  hallDay: string;
  now: Date;
  policy: Pick<QueuePolicy, 'ratingTimeoutSeconds'>;
}

/** A rating request opened for a finished service; the pad waits policy.ratingTimeoutSeconds for an answer. */
export function newRating(input: NewRatingInput): { rating: Rating; events: [RatingEvent] } {
  const { ticket, now } = input;
  const rating: Rating = {
    id: input.id,
    hallDay: input.hallDay,
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    window: input.window,
    clerk: ticket.clerk,
    windowType: ticket.windowType,
    serviceItem: ticket.serviceItem,
    requestedAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + input.policy.ratingTimeoutSeconds * 1000).toISOString(),
    result: null,
    reason: null,
    recordedAt: null,
  };
  return { rating, events: [{ type: 'rating.requested', request: ratingRequestOf(rating) }] };
}

/** What the pad is shown: nothing of the service beyond the ticket number and the clerk's staff id. */
export function ratingRequestOf(rating: Rating): RatingRequest {
  const { id, window, ticketNumber, clerk, requestedAt, expiresAt } = rating;
  return { id, window, ticketNumber, clerk, requestedAt, expiresAt };
}

/** The stored rating of a request that has ended. */
export function ratingRecordOf(rating: Rating): RatingRecord {
  const { result, recordedAt } = rating;
  if (result === null || recordedAt === null) throw new TypeError(`rating request ${rating.id} has not ended`);
  const { id, hallDay, ticketId, ticketNumber, window, clerk, windowType, serviceItem, reason, requestedAt } = rating;
  // Field by field, in the record's own order: the API has always answered it so.
  return {
    id,
    hallDay,
    ticketId,
    ticketNumber,
    window,
    clerk,
    windowType,
    serviceItem,
    result,
    reason,
    requestedAt,
    recordedAt,
  };
}

export type RatingCommand =
  /** The citizen answers on the pad of `window` (null: a pad that belongs to no window). */
  | { type: 'answer'; window: number | null; level: RatingLevel; reason: RatingReason | null }
  /** Nobody answered in time: recorded as not rated, never as a default level. */
  | { type: 'expire' }
  /** The window finished its next service before this one was rated: the new request takes the pad. */
  | { type: 'supersede' };

export type RatingRefusalCode = 'forbidden' | 'invalid_state' | 'validation_failed';

export type RatingTransitionResult =
  { ok: true; rating: Rating; record: RatingRecord; events: [RatingEvent] } | LifecycleRefusal<RatingRefusalCode>;

export interface RatingContext {
  now: Date;
  hall: Pick<HallConfig, 'ratingReasons'>;
}

function ended(rating: Rating, result: RatingResult, reason: RatingReason | null, at: string): RatingTransitionResult {
  const next: Rating = { ...rating, result, reason, recordedAt: at };
  const record = ratingRecordOf(next);
  return {
    ok: true,
    rating: next,
    record,
    events: [{ type: 'rating.recorded', requestId: rating.id, rating: record }],
  };
}

/** One service, one rating (一次一评): an ended request takes no second ending. */
function alreadyEnded(rating: Rating): LifecycleRefusal<'invalid_state'> {
  const message =
    rating.result === 'not_rated'
      ? `rating request ${rating.id} has ended unanswered (recorded as not rated)`
      : `rating request ${rating.id} has already been answered`;
  return { ok: false, code: 'invalid_state', message };
}

/**
 * Ends an open rating request. An answer comes from the pad at the request's window before it expires, with a reason
 * from the hall's list or `other`; an expiry is recorded as of `expiresAt` (even when the server was down then); a
 * superseded request is recorded now. Each ending is recorded once.
 */
export function ratingTransition(rating: Rating, command: RatingCommand, ctx: RatingContext): RatingTransitionResult {
  const { id } = rating;
  switch (command.type) {
    case 'answer': {
      if (command.window !== rating.window) {
        return {
          ok: false,
          code: 'forbidden',
          message: `rating request ${id} is for window ${rating.window}; this pad is not at it`,
        };
      }
      if (rating.result !== null) return alreadyEnded(rating);
      if (ctx.now.getTime() >= Date.parse(rating.expiresAt)) {
        return { ok: false, code: 'invalid_state', message: `rating request ${id} expired at ${rating.expiresAt}` };
      }
      const { reason } = command;
      if (reason && reason.code !== 'other' && !ctx.hall.ratingReasons.some((r) => r.code === reason.code)) {
        return {
          ok: false,
          code: 'validation_failed',
          field: 'reason.code',
          message: `unknown reason "${reason.code}": use one of the hall's reasons, or "other"`,
        };
      }
      return ended(rating, command.level, reason, ctx.now.toISOString());
    }

    case 'expire': {
      if (rating.result !== null) return alreadyEnded(rating);
      if (ctx.now.getTime() < Date.parse(rating.expiresAt)) {
        return { ok: false, code: 'invalid_state', message: `rating request ${id} is open until ${rating.expiresAt}` };
      }
      return ended(rating, 'not_rated', null, rating.expiresAt);
    }

    case 'supersede': {
      if (rating.result !== null) return alreadyEnded(rating);
      return ended(rating, 'not_rated', null, ctx.now.toISOString());
    }
  }
}

export type FollowUpRefusalCode = 'invalid_state' | 'validation_failed';

export type FollowUpResult =
  | {
      ok: true;
      followUp: FollowUp;
      events: [FollowUpEvent];
      /** Past its deadline as of this change (a close records whether the deadline was kept). */
      overdue: boolean;
    }
  | LifecycleRefusal<FollowUpRefusalCode>;

export interface FollowUpContext {
  now: Date;
  hall: Pick<HallConfig, 'calendar' | 'policy' | 'staff' | 'timeZone'>;
}

/**
 * Whether a follow-up is past its deadline at `at`: the hall day (in the hall's time zone) is after the deadline day.
 * A close records it as `overdue`; the archive (整改台账) reads a closed one's timeliness with the same rule.
 */
export function pastDeadline(followUp: Pick<FollowUp, 'deadline'>, at: Date, timeZone: string): boolean {
  return hallDay(at, timeZone) > followUp.deadline;
}

function changed(followUp: FollowUp, ctx: FollowUpContext): FollowUpResult {
  const overdue = pastDeadline(followUp, ctx.now, ctx.hall.timeZone);
  return { ok: true, followUp, events: [{ type: 'followup.updated', followUp }], overdue };
}

/**
 * The follow-up a bad rating opens: due `policy.followUpWorkingDays` working days after the rating's day, counted on
 * the hall calendar (holidays and 调休 days included), like a 承办件's promised date.
 */
export function openFollowUp(id: string, rating: RatingRecord, ctx: FollowUpContext): FollowUpResult {
  if (rating.result === 'not_rated' || !isBadRating(rating.result)) {
    return {
      ok: false,
      code: 'invalid_state',
      message: `rating ${rating.id} is not a bad rating; only a bad rating is followed up`,
    };
  }
  const { calendar, policy } = ctx.hall;
  return changed(
    {
      id,
      rating,
      status: 'open',
      deadline: addWorkingDays(rating.hallDay, policy.followUpWorkingDays, calendar),
      assignee: null,
      notes: [],
      openedAt: ctx.now.toISOString(),
      closedAt: null,
      resolution: null,
    },
    ctx,
  );
}

export type FollowUpCommand =
  /** Hands the follow-up to a member of staff (again, to hand it on). */
  | { type: 'assign'; staffId: string }
  /** What was done: a call-back, a fix, a reply. */
  | { type: 'note'; by: string; text: string; calledBack: boolean }
  | { type: 'close'; resolution: string };

/** Changes a follow-up not yet closed: a closed one is the record of what was done, and stays as it is. */
export function followUpTransition(followUp: FollowUp, command: FollowUpCommand, ctx: FollowUpContext): FollowUpResult {
  if (followUp.status === 'closed') {
    return { ok: false, code: 'invalid_state', message: `follow-up ${followUp.id} was closed at ${followUp.closedAt}` };
  }
  const at = ctx.now.toISOString();
  switch (command.type) {
    case 'assign': {
      if (!ctx.hall.staff.some((s) => s.id === command.staffId)) {
        return {
          ok: false,
          code: 'validation_failed',
          field: 'staffId',
          message: `no member of staff "${command.staffId}" in this hall`,
        };
      }
      return changed({ ...followUp, status: 'assigned', assignee: command.staffId }, ctx);
    }

    case 'note': {
      const note = { at, by: command.by, text: command.text, calledBack: command.calledBack };
      return changed({ ...followUp, notes: [...followUp.notes, note] }, ctx);
    }

    case 'close':
      return changed({ ...followUp, status: 'closed', closedAt: at, resolution: command.resolution }, ctx);
  }
}
