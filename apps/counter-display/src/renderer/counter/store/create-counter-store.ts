import { createStore } from 'zustand/vanilla';
import { createClockSlice } from './slices/clock/actions';
import { createDeskSlice } from './slices/desk/actions';
import { createFeedSlice } from './slices/feed/actions';
import { createGuideSlice } from './slices/guide/actions';
import { createLockerSlice } from './slices/locker/actions';
import { createNoticesSlice } from './slices/notices/actions';
import { createSessionSlice } from './slices/session/actions';
import { createSummarySlice } from './slices/summary/actions';
import type { CounterServices, CounterState, CounterStore } from './types';

export function createCounterStore(services: CounterServices): CounterStore {
  return createStore<CounterState>()((set, get) => ({
    ...createClockSlice(set, get, services),
    ...createSessionSlice(set, get, services),
    ...createFeedSlice(set, get, services),
    ...createDeskSlice(set, get, services),
    ...createSummarySlice(set, get, services),
    ...createGuideSlice(set, get, services),
    ...createLockerSlice(set, get, services),
    ...createNoticesSlice(set, get, services),
  }));
}
