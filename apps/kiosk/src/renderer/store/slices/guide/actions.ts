import type { PublicGuideCall } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { guideReason } from '../flow/selectors';
import { type GuideState, initialGuideState } from './state';

export interface GuideActions {
  /** 呼叫导办: ask the guide desk to come to this kiosk. */
  callGuide(): Promise<void>;
  pollGuideIfDue(): void;
  /** From the hall feed: a guide call was answered (by whom, so the kiosk can say who is coming). */
  guideAnswered(call: PublicGuideCall): void;
  dismissGuide(): void;
  /** The idle reset: forget a finished call; a guide still on the way stays announced. */
  forgetGuide(): void;
}
export type GuideSlice = GuideState & GuideActions;

export const GUIDE_POLL_MS = 4000;

export const createGuideSlice: SliceCreator<GuideSlice> = (set, get, { api, now, newRequestId }) => {
  let polling = false;
  // The answered call is kept: it names the guide on the way.
  const answered = (call: PublicGuideCall) => set({ guide: { ...get().guide, status: 'answered', call } });

  return {
    ...initialGuideState,

    async callGuide() {
      const status = get().guide.status;
      if (status === 'calling' || status === 'waiting') return;
      set({ guide: { status: 'calling', call: null, nextPollAt: 0 } });
      try {
        const { call } = await api.call('callGuide', {
          body: { requestId: newRequestId(), reason: guideReason(get()) },
        });
        set({ guide: { status: call.answeredAt ? 'answered' : 'waiting', call, nextPollAt: now() + GUIDE_POLL_MS } });
      } catch {
        set({ guide: { status: 'failed', call: null, nextPollAt: 0 } });
      }
    },

    pollGuideIfDue() {
      const { status, call, nextPollAt } = get().guide;
      if (status !== 'waiting' || !call || polling || now() < nextPollAt) return;
      polling = true;
      api
        .call('guideCall', { params: { id: call.id } })
        .then(({ call: latest }) => {
          if (get().guide.call?.id !== latest.id) return;
          if (latest.answeredAt) answered(latest);
          else set({ guide: { ...get().guide, call: latest, nextPollAt: now() + GUIDE_POLL_MS } });
        })
        .catch(() => set({ guide: { ...get().guide, nextPollAt: now() + GUIDE_POLL_MS } }))
        .finally(() => {
          polling = false;
        });
    },

    guideAnswered(call) {
      if (get().guide.call?.id === call.id && get().guide.status === 'waiting') answered(call);
    },

    dismissGuide() {
      set(initialGuideState);
    },

    forgetGuide() {
      const status = get().guide.status;
      if (status !== 'calling' && status !== 'waiting') set(initialGuideState);
    },
  };
};
