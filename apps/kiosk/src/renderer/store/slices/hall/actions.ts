import { createFeedSlice, type FeedSlice, followHall } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { type HallState, initialHallState } from './state';

export interface HallActions {
  loadHall(): Promise<void>;
}
/** The hall's configuration, and the shared hall feed (`feed`, `connection`, `resyncing`) the tiles are drawn from. */
export type HallSlice = HallState & HallActions & FeedSlice<DeviceStream>;

const HALL_RETRY_MS = 5000;

export const createHallSlice: SliceCreator<HallSlice> = (set, get, { api, now }) => ({
  ...initialHallState,

  ...createFeedSlice<DeviceStream>(set, get, {
    hall: followHall(get, set),
    fresh(envelopes) {
      for (const { event } of envelopes) if (event.type === 'guide.answered') get().guideAnswered(event.call);
    },
  }),

  async loadHall() {
    try {
      const hall = await api.call('hall');
      set({ hall, hallStatus: 'loaded' });
    } catch {
      set({ hallStatus: 'failed', nextHallLoadAt: now() + HALL_RETRY_MS });
      return;
    }
    // The socket's snapshot normally brings the queues; this fills the home screen if the socket is slow.
    try {
      const { queues } = await api.call('queues');
      if (get().feed === null) set({ queuesBeforeFeed: queues });
    } catch {
      // the snapshot will bring them
    }
  },
});
