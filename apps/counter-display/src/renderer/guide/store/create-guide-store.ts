import { createStore } from 'zustand/vanilla';
import { createAppointmentsSlice } from './slices/appointments/actions';
import { createHallFeedSlice } from './slices/feed/actions';
import { createGuideCallsSlice } from './slices/guide-calls/actions';
import { createIssueSlice } from './slices/issue/actions';
import { createLookupSlice } from './slices/lookup/actions';
import { createSessionSlice } from './slices/session/actions';
import type { GuideServices, GuideState, GuideStore } from './types';

export function createGuideStore(services: GuideServices): GuideStore {
  return createStore<GuideState>()((set, get) => ({
    ...createSessionSlice(set, get, services),
    ...createHallFeedSlice(set, get, services),
    ...createLookupSlice(set, get, services),
    ...createIssueSlice(set, get, services),
    ...createAppointmentsSlice(set, get, services),
    ...createGuideCallsSlice(set, get, services),
  }));
}
