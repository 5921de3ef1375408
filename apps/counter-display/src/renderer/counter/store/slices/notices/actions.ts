import type { EventEnvelope } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { noticeFinishedAt } from './selectors';
import { initialNoticesState, type NoticeEntry, type NoticesState } from './state';

export interface NoticesActions {
  /**
   * Fresh events from the stream: each finish at this window with an outcome that needs a notice joins the list, and
   * the panel's own finish opens the print offer. Runs before the desk follows the feed, while its finish is busy.
   */
  collectNotices(envelopes: EventEnvelope[]): void;
  /** Opens the print offer for a notice of the list (a reprint: the name is asked again, as it was never kept). */
  offerNotice(ticketId: string): void;
  editNoticeName(applicantName: string): void;
  /** 打印: prints the page, whose print styles show the offered notice only; the offer closes once it printed. */
  printNotice(): Promise<void>;
  /** 跳过: closes the offer, forgetting the name. */
  skipNotice(): void;
}
export type NoticesSlice = NoticesState & NoticesActions;

export const createNoticesSlice: SliceCreator<NoticesSlice> = (set, get, { printNotice }) => ({
  ...initialNoticesState,

  collectNotices(envelopes) {
    const { session, busy } = get();
    if (!session) return;
    for (const { event } of envelopes) {
      const finished = noticeFinishedAt(event, session.window);
      if (!finished) continue;
      const { ticket, kind } = finished;
      // Only the finish this panel sent is in flight as `busy`; another post's finish here is listed, not offered.
      const own = busy === 'finish';
      const entry: NoticeEntry = {
        ticket,
        kind,
        window: session.window,
        clerk: ticket.clerk ?? (own ? session.staff.id : null),
      };
      // One entry a ticket: a ticket handed on and back again keeps the notice of its last outcome here.
      set({ notices: [entry, ...get().notices.filter((n) => n.ticket.id !== ticket.id)] });
      if (own && get().noticeDraft === null) get().offerNotice(ticket.id);
    }
  },

  offerNotice(ticketId) {
    if (get().noticeDraft?.printing) return;
    if (!get().notices.some((n) => n.ticket.id === ticketId)) return;
    set({ noticeDraft: { ticketId, applicantName: '', printing: false, error: null } });
  },

  editNoticeName(applicantName) {
    const draft = get().noticeDraft;
    if (draft && !draft.printing) set({ noticeDraft: { ...draft, applicantName, error: null } });
  },

  async printNotice() {
    const draft = get().noticeDraft;
    const entry = get().notices.find((n) => n.ticket.id === draft?.ticketId);
    if (!draft || draft.printing || !entry) return;
    set({ noticeDraft: { ...draft, printing: true, error: null } });
    try {
      await printNotice({ ticketDay: entry.ticket.hallDay, ticketNumber: entry.ticket.number, kind: entry.kind });
      if (get().noticeDraft?.ticketId === draft.ticketId) set({ noticeDraft: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      set({ noticeDraft: { ...draft, printing: false, error: `未能打印：${message}` } });
    }
  },

  skipNotice() {
    if (!get().noticeDraft?.printing) set({ noticeDraft: null });
  },
});
