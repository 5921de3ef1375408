import { ApiError } from '@hallq/shared/client';
import { describeFailure, type FailureText } from '../../../refusals';
import type { SliceCreator } from '../../types';
import { SESSION_EXPIRED } from '../session/actions';

export interface GuideState {
  /** Answers sent (or unconfirmed after a network failure), by guide call id, with the requestId to resend. */
  guideAnswers: Record<string, { requestId: string; sending: boolean }>;
  guideError: FailureText | null;
}

export interface GuideActions {
  /** 我去处理: this clerk goes to the kiosk. */
  answerGuide(id: string): Promise<void>;
}
export type GuideSlice = GuideState & GuideActions;

export const createGuideSlice: SliceCreator<GuideSlice> = (set, get, { api, newRequestId }) => {
  const settle = (id: string) => {
    const { [id]: _done, ...rest } = get().guideAnswers;
    set({ guideAnswers: rest });
  };

  return {
    guideAnswers: {},
    guideError: null,

    async answerGuide(id) {
      const session = get().session;
      const previous = get().guideAnswers[id];
      if (!session || previous?.sending || get().connection !== 'connected') return;
      const requestId = previous?.requestId ?? newRequestId();
      set({ guideAnswers: { ...get().guideAnswers, [id]: { requestId, sending: true } }, guideError: null });
      try {
        await api.call('answerGuide', { params: { id }, body: { requestId }, token: session.token });
        settle(id);
        // guide.answered follows on the socket; the alert goes now so nobody else's press is needed.
        const feed = get().feed;
        if (feed) set({ feed: { ...feed, guideCalls: feed.guideCalls.filter((c) => c.id !== id) } });
      } catch (error) {
        if (error instanceof ApiError) {
          settle(id);
          if (error.code === 'unauthorized') get().endSession(SESSION_EXPIRED);
          else set({ guideError: describeFailure(error) });
        } else {
          set({
            guideAnswers: { ...get().guideAnswers, [id]: { requestId, sending: false } },
            guideError: describeFailure(error),
          });
        }
      }
    },
  };
};
