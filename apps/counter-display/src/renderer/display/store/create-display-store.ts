import { createFeedSlice, type FeedSlice, followHall } from '@hallq/shared/client';
import type { DeviceEnvelope, DeviceStream } from '@hallq/shared/contracts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type CallsSlice, createCallsSlice } from './slices/calls/actions';
import { type ClockSlice, createClockSlice } from './slices/clock/actions';
import { createHallSlice, type HallSlice } from './slices/hall/actions';
import { createVoiceSlice, type VoiceServices, type VoiceSlice } from './slices/voice/actions';
import type { ScreenServices } from './types';

export interface DisplayServices extends ScreenServices, VoiceServices {
  /** Events applied after a snapshot, in order: never the history a snapshot brings. */
  onFresh(fresh: DeviceEnvelope[]): void;
}
export type DisplayState = FeedSlice<DeviceStream> & CallsSlice & HallSlice & ClockSlice & VoiceSlice;
export type DisplayStore = StoreApi<DisplayState>;

export function createDisplayStore(services: DisplayServices): DisplayStore {
  return createStore<DisplayState>()((set, get) => ({
    // A snapshot's calls are history: only the calls that arrive as events are said aloud.
    ...createFeedSlice<DeviceStream>(set, get, {
      hall: followHall(get, set),
      fresh: (envelopes, feed) => {
        get().noteNoShows(envelopes, feed.recentCalls);
        services.onFresh(envelopes);
      },
    }),
    ...createCallsSlice(set, get, services),
    ...createHallSlice(set, get, services),
    ...createClockSlice(set, get, services),
    ...createVoiceSlice(set, get, services),
  }));
}
