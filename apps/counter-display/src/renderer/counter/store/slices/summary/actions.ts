import type { ClerkSummary } from '@hallq/shared/contracts';
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
});
