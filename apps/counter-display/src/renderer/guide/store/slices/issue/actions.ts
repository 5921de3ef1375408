import { failureOf, isRefusal } from '../../failure';
import type { SliceCreator } from '../../types';
import { issueRequest } from './selectors';
import { type IssueForm, type IssueState, initialIssueState } from './state';

export interface IssueActions {
  setIssueForm(patch: Partial<IssueForm>): void;
  /**
   * 代取号 for a citizen who cannot use the kiosk. The page cannot print: a browser has no way to the desk's ticket
   * printer (the kiosk prints through its Electron shell), so the number is shown large for the citizen to read or
   * photograph, or for the guide to write down.
   */
  issueTicket(): Promise<void>;
  clearIssued(): void;
}
export type IssueSlice = IssueState & IssueActions;

export const createIssueSlice: SliceCreator<IssueSlice> = (set, get, { client, newRequestId }) => ({
  ...initialIssueState,

  setIssueForm(patch) {
    if (get().issuing.sending) return;
    // Another choice is another request: a new requestId, and the last refusal no longer applies.
    set({ issueForm: { ...get().issueForm, ...patch }, issuing: initialIssueState.issuing });
  },

  async issueTicket() {
    const { hall, session, issuing, issueForm } = get();
    if (!hall || !session || issuing.sending) return;
    const requestId = issuing.requestId ?? newRequestId();
    const body = issueRequest(hall, issueForm, requestId);
    if (!body) return;
    set({ issuing: { requestId, sending: true, failure: null } });
    try {
      const issued = await client.call('issueTicket', { token: session.token, body });
      set({ issued, issuing: initialIssueState.issuing, issueForm: initialIssueState.issueForm });
    } catch (error) {
      if (isRefusal(error) && error.code === 'unauthorized') return get().endSession('expired');
      set({ issuing: { requestId: isRefusal(error) ? null : requestId, sending: false, failure: failureOf(error) } });
    }
  },

  clearIssued() {
    set({ issued: null });
  },
});
