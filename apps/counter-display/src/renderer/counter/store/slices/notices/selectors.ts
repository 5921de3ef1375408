import type { HallEvent } from '@hallq/shared/contracts';
import { buildNotice, noticeKindOf, type Notice, type NoticeKind, type Ticket } from '@hallq/shared/domain';
import type { CounterState } from '../../types';
import type { NoticeDraft, NoticeEntry } from './state';

/**
 * The ticket an event shows ending its service at `window` with an outcome that needs a notice: finished there, or
 * handed on from there by the finish form's 转交. A transfer by the 转交 button has no outcome and needs none.
 */
export function noticeFinishedAt(event: HallEvent, window: number): { ticket: Ticket; kind: NoticeKind } | null {
  if (event.type !== 'ticket.updated' || event.previousState !== 'serving') return null;
  const { ticket } = event;
  const kind = noticeKindOf(ticket.outcome);
  const here = ticket.state === 'finished' ? ticket.window === window : ticket.transfer?.fromWindow === window;
  return kind !== null && here ? { ticket, kind } : null;
}

/** 今日通知书 of the window the clerk is logged in at, newest first. */
export function todaysNotices(state: CounterState): NoticeEntry[] {
  const window = state.session?.window;
  return state.notices.filter((n) => n.window === window);
}

/** The notice of an entry as it prints now: dated today, with the applicant's name masked. */
export function noticeOf(state: CounterState, entry: NoticeEntry, applicantName = ''): Notice | null {
  const { hall, session } = state;
  if (!hall) return null;
  // The panel knows the name of its own clerk only; anyone else is named by staff number.
  const name = entry.clerk !== null && entry.clerk === session?.staff.id ? session.staff.name : undefined;
  return buildNotice(entry.ticket, {
    hall,
    window: entry.window,
    clerk: entry.clerk === null ? undefined : { id: entry.clerk, name },
    applicantName,
    now: new Date(state.now),
  });
}

export interface NoticeOffer {
  draft: NoticeDraft;
  entry: NoticeEntry;
  notice: Notice;
}

/**
 * The print offer as the panel shows it, with the notice as it will print. It waits for the desk's form to close
 * (the stream may bring the finish before the answer does) and for the deposit form.
 */
export function noticeOffer(state: CounterState): NoticeOffer | null {
  const draft = state.noticeDraft;
  if (!draft || state.dialog !== null || state.depositOpen) return null;
  const entry = state.notices.find((n) => n.ticket.id === draft.ticketId);
  const notice = entry ? noticeOf(state, entry, draft.applicantName) : null;
  return entry && notice ? { draft, entry, notice } : null;
}
