import { failureOf, isRefusal } from '../../failure';
import type { SliceCreator } from '../../types';
import { type GuideCallsState, initialGuideCallsState } from './state';

export interface GuideCallsActions {
  /** 我去处理: this guide goes to the kiosk; the kiosk is told their name. */
  answerCall(id: string): Promise<void>;
  /** The guide saw a new call. */
  markCallSeen(id: string): void;
  /** From the feed: a call of this guide's zones arrived. */
  guideCallArrived(id: string): void;
  /** From the feed: somebody answered a call (this guide or another), so it leaves the list. */
  guideCallClosed(id: string): void;
}
export type GuideCallsSlice = GuideCallsState & GuideCallsActions;

export const createGuideCallsSlice: SliceCreator<GuideCallsSlice> = (set, get, { client, newRequestId }) => {
  const forget = (id: string) => {
    const { [id]: _done, ...callAnswers } = get().callAnswers;
    set({ callAnswers, unseenCalls: get().unseenCalls.filter((c) => c !== id) });
  };

  return {
    ...initialGuideCallsState,

    async answerCall(id) {
      const session = get().session;
      const previous = get().callAnswers[id];
      if (!session || previous?.sending) return;
      const requestId = previous?.requestId ?? newRequestId();
      set({ callAnswers: { ...get().callAnswers, [id]: { requestId, sending: true } }, callFailure: null });
      try {
        await client.call('answerGuide', { token: session.token, params: { id }, body: { requestId } });
        // The call leaves the list with its guide.answered on the feed, which reaches every guide of the zone alike;
        // until then it stays marked as being answered.
      } catch (error) {
        if (isRefusal(error) && error.code === 'unauthorized') return get().endSession('expired');
        if (isRefusal(error)) forget(id);
        else set({ callAnswers: { ...get().callAnswers, [id]: { requestId, sending: false } } });
        set({ callFailure: failureOf(error) });
      }
    },

    markCallSeen(id) {
      set({ unseenCalls: get().unseenCalls.filter((c) => c !== id) });
    },

    guideCallArrived(id) {
      if (!get().unseenCalls.includes(id)) set({ unseenCalls: [...get().unseenCalls, id] });
    },

    guideCallClosed(id) {
      forget(id);
    },
  };
};
