import type { NoticeKind, Ticket } from '@hallq/shared/domain';

/** A written notice this window produced: the ticket as the stream showed it when it got its outcome. */
export interface NoticeEntry {
  /**
   * Kept as it was then: a transferred ticket loses its outcome once another window calls it, and an ended one leaves
   * the feed, yet the applicant may still need the notice again.
   */
  ticket: Ticket;
  kind: NoticeKind;
  /** The window that ended the service. */
  window: number;
  /** Who ended it: the ticket's clerk, or this panel's own for a transfer (a transferred ticket keeps no clerk). */
  clerk: string | null;
}

/** The print offer over the panel: 打印 or 跳过, with the applicant's name for the paper. */
export interface NoticeDraft {
  ticketId: string;
  /** As the clerk typed it: only its masked form is printed, it is never sent, and it goes when the offer closes. */
  applicantName: string;
  printing: boolean;
  /** Why the last print failed, in the clerk's words. */
  error: string | null;
}

export interface NoticesState {
  /** 今日通知书: every notice of this page's windows since it loaded, newest first. */
  notices: NoticeEntry[];
  noticeDraft: NoticeDraft | null;
}

export const initialNoticesState: NoticesState = { notices: [], noticeDraft: null };
