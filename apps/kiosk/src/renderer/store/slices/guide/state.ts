import type { PublicGuideCall } from '@hallq/shared/contracts';

export type GuideStatus = 'idle' | 'calling' | 'waiting' | 'answered' | 'failed';

export interface GuideState {
  guide: {
    status: GuideStatus;
    call: PublicGuideCall | null;
    nextPollAt: number;
  };
}

export const initialGuideState: GuideState = { guide: { status: 'idle', call: null, nextPollAt: 0 } };
