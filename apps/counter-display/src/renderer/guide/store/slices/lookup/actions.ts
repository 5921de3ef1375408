import { TicketNumberParam } from '@hallq/shared/contracts';
import { failureOf, isRefusal } from '../../failure';
import type { SliceCreator } from '../../types';
import { type LookupState, initialLookupState } from './state';

export interface LookupActions {
  /** 查号: today's ticket by its number, with where it stands and why. */
  lookUp(typed: string): Promise<void>;
  /** The traced ticket changed (from the feed): fetch its history and reactivation rule again, quietly. */
  refreshTrace(): void;
  /** 重新激活: put the traced no-show back in its queue. */
  reactivate(): Promise<void>;
  clearLookup(): void;
}
export type LookupSlice = LookupState & LookupActions;

/** What a guide types for a number: spaces and a lower-case letter are forgiven (a001 → A001). */
const tidyNumber = (typed: string) => typed.replace(/\s+/g, '').toUpperCase();

export const createLookupSlice: SliceCreator<LookupSlice> = (set, get, { client, newRequestId }) => {
  /** Bumped by every lookup, so an answer to an earlier one never replaces a later one's. */
  let asked = 0;

  const fetchTrace = async (number: string, quiet: boolean) => {
    const session = get().session;
    if (!session) return;
    const mine = ++asked;
    try {
      const trace = await client.call('ticketTrace', { token: session.token, params: { number } });
      if (mine === asked) set({ lookup: { number, status: 'found', trace, failure: null } });
    } catch (error) {
      if (mine !== asked) return;
      if (isRefusal(error) && error.code === 'unauthorized') return get().endSession('expired');
      // A quiet refresh that fails keeps what is shown: the feed still says the ticket's state.
      if (!quiet) set({ lookup: { number, status: 'failed', trace: null, failure: failureOf(error) } });
    }
  };

  return {
    ...initialLookupState,

    async lookUp(typed) {
      const number = tidyNumber(typed);
      set({ reactivation: initialLookupState.reactivation });
      if (!TicketNumberParam.shape.number.safeParse(number).success) {
        asked++;
        set({ lookup: { number, status: 'failed', trace: null, failure: 'bad_number' } });
        return;
      }
      set({ lookup: { number, status: 'loading', trace: null, failure: null } });
      await fetchTrace(number, false);
    },

    refreshTrace() {
      const { status, number } = get().lookup;
      if (status === 'found') void fetchTrace(number, true);
    },

    async reactivate() {
      const { trace } = get().lookup;
      const session = get().session;
      const previous = get().reactivation;
      if (!trace || !session || previous.sending) return;
      const requestId = previous.requestId ?? newRequestId();
      set({ reactivation: { requestId, sending: true, failure: null } });
      try {
        await client.call('reactivateTicket', {
          token: session.token,
          params: { number: trace.ticket.number },
          body: { requestId },
        });
        // The ticket's ticket.updated on the feed brings the new trace (refreshTrace); nothing to fetch here.
        set({ reactivation: initialLookupState.reactivation });
      } catch (error) {
        if (isRefusal(error) && error.code === 'unauthorized') return get().endSession('expired');
        set({
          reactivation: { requestId: isRefusal(error) ? null : requestId, sending: false, failure: failureOf(error) },
        });
      }
    },

    clearLookup() {
      asked++;
      set(initialLookupState);
    },
  };
};
