import type { ClerkSummary, RatingRecord } from '@hallq/shared/contracts';
import { createRefresher } from '../../refresher';
import type { SliceCreator } from '../../types';

export interface SummaryState {
  /** GET /api/windows/:id/summary: the logged-in clerk's day. */
  summary: ClerkSummary | null;
  summaryStatus: 'idle' | 'loading' | 'loaded' | 'failed';
}

export interface SummaryActions {
  /** Fetched at login and after each finish or transfer (coalesced). */
  loadSummary(): Promise<void>;
  /**
   * Ratings as the feed brings them (rating.recorded): the clerk's own of the summary's day are counted in at once, as
   * the server counts them (by the rating's day and clerk), rather than only at the next fetch.
   */
  applyRatings(ratings: RatingRecord[]): void;
  /** A snapshot arrived: after a reconnection or a resync, ratings recorded in between never came as events. */
  summaryAfterSnapshot(): void;
}
export type SummarySlice = SummaryState & SummaryActions;

export const createSummarySlice: SliceCreator<SummarySlice> = (set, get, { api }) => ({
  summary: null,
  summaryStatus: 'idle',

  loadSummary: createRefresher(async () => {
    const session = get().session;
    if (!session) return;
    set({ summaryStatus: 'loading' });
    try {
      const summary = await api.call('clerkSummary', { params: { id: session.window }, token: session.token });
      if (get().session === session) set({ summary, summaryStatus: 'loaded' });
    } catch {
      // Keeps the last figures; they are a convenience, never in the way of serving.
      if (get().session === session) set({ summaryStatus: 'failed' });
    }
  }),

  applyRatings(ratings) {
    const { session, summary, summaryStatus } = get();
    const mine = ratings.filter((r) => r.clerk === session?.staff.id);
    if (mine.length === 0) return;
    // A fetch in flight may have been counted before these ratings were stored, or after: adding them to its answer
    // could count one twice, so fetch once more after it (the refresher starts that one after the event). With no
    // figures yet there is nothing to add them to.
    if (summary === null || summaryStatus === 'loading') {
      void get().loadSummary();
      return;
    }
    const counted = mine.filter((r) => r.hallDay === summary.hallDay);
    if (counted.length === 0) return;
    const next = { ...summary.ratings };
    for (const { result } of counted) next[result] = (next[result] ?? 0) + 1;
    set({ summary: { ...summary, ratings: next } });
  },

  summaryAfterSnapshot() {
    // Only figures fetched before this snapshot can have missed events; a fetch in flight already runs after them.
    const { summaryStatus } = get();
    if (summaryStatus === 'loaded' || summaryStatus === 'failed') void get().loadSummary();
  },
});
