import { createFeedSlice, type FeedSlice, followHall } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ClockSlice, createClockSlice } from '../../display/store/slices/clock/actions';
import { createHallSlice, type HallSlice } from '../../display/store/slices/hall/actions';
import type { ScreenServices } from '../../display/store/types';

/** A window screen follows the same hall feed as the hall display; it says nothing aloud. */
export type WindowScreenState = FeedSlice<DeviceStream> & HallSlice & ClockSlice;
export type WindowScreenStore = StoreApi<WindowScreenState>;

export function createWindowStore(services: ScreenServices): WindowScreenStore {
  return createStore<WindowScreenState>()((set, get) => ({
    ...createFeedSlice<DeviceStream>(set, get, { hall: followHall(get, set) }),
    ...createHallSlice(set, get, services),
    ...createClockSlice(set, get, services),
  }));
}
