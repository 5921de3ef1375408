import { createFeedSlice, followHall } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import { createStore } from 'zustand/vanilla';
import { createHallSlice } from './slices/hall/actions';
import { createPadSlice } from './slices/pad/actions';
import type { PadServices, PadState, PadStore } from './types';

export function createPadStore(services: PadServices): PadStore {
  return createStore<PadState>()((set, get) => ({
    // The pad needs of the feed only its rating requests: the open ones on (re)connecting, then each as it comes.
    ...createFeedSlice<DeviceStream>(set, get, {
      hall: followHall(get, set),
      snapshot: (snapshot) => get().showOpenRequests(snapshot.ratingRequests),
      fresh: (envelopes) => {
        for (const { event } of envelopes) {
          if (event.type === 'rating.requested') get().requestOpened(event.request);
          else if (event.type === 'rating.ended') get().requestRecorded(event.requestId, event.result);
        }
      },
    }),
    ...createHallSlice(set, get, services),
    ...createPadSlice(set, get, services),
  }));
}
