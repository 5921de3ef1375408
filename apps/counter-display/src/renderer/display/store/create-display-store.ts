import { createStore, type StoreApi } from 'zustand/vanilla';
import { type ClockSlice, createClockSlice } from './slices/clock/actions';
import { createFeedSlice, type FeedSlice } from './slices/feed/actions';
import { createVoiceSlice, type VoiceServices, type VoiceSlice } from './slices/voice/actions';
import type { ScreenServices } from './types';

export type DisplayServices = ScreenServices & VoiceServices;
export type DisplayState = FeedSlice & ClockSlice & VoiceSlice;
export type DisplayStore = StoreApi<DisplayState>;

export function createDisplayStore(services: DisplayServices): DisplayStore {
  return createStore<DisplayState>()((set, get) => ({
    ...createFeedSlice(set, get, services),
    ...createClockSlice(set, get, services),
    ...createVoiceSlice(set, get, services),
  }));
}
