import { createStore } from 'zustand/vanilla';
import { createArchiveSlice } from './slices/archive/actions';
import { createBulletinSlice } from './slices/bulletin/actions';
import { createFloorSlice } from './slices/floor/actions';
import { createFollowUpsSlice } from './slices/followups/actions';
import { createLockersSlice } from './slices/lockers/actions';
import { createOutboxSlice } from './slices/outbox/actions';
import { createScopeSlice } from './slices/scope/actions';
import { createSessionSlice } from './slices/session/actions';
import { createSettingsSlice } from './slices/settings/actions';
import { createStatisticsSlice } from './slices/statistics/actions';
import type { ManagerServices, ManagerState, ManagerStore } from './types';

export function createManagerStore(services: ManagerServices): ManagerStore {
  return createStore<ManagerState>()((set, get) => ({
    ...createSessionSlice(set, get, services),
    ...createScopeSlice(set, get, services),
    ...createFloorSlice(set, get, services),
    ...createFollowUpsSlice(set, get, services),
    ...createArchiveSlice(set, get, services),
    ...createLockersSlice(set, get, services),
    ...createOutboxSlice(set, get, services),
    ...createStatisticsSlice(set, get, services),
    ...createBulletinSlice(set, get, services),
    ...createSettingsSlice(set, get, services),
  }));
}
