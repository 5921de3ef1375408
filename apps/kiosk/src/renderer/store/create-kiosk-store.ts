import { createStore } from 'zustand/vanilla';
import { createAppointmentSlice } from './slices/appointment/actions';
import { createCardSlice } from './slices/card/actions';
import { createFlowSlice } from './slices/flow/actions';
import { createGuideSlice } from './slices/guide/actions';
import { createHallSlice } from './slices/hall/actions';
import { createPickupSlice } from './slices/pickup/actions';
import { createTicketSlice } from './slices/ticket/actions';
import type { KioskServices, KioskState, KioskStore } from './types';

export function createKioskStore(services: KioskServices): KioskStore {
  return createStore<KioskState>()((set, get) => ({
    ...createHallSlice(set, get, services),
    ...createFlowSlice(set, get, services),
    ...createTicketSlice(set, get, services),
    ...createGuideSlice(set, get, services),
    ...createAppointmentSlice(set, get, services),
    ...createCardSlice(set, get, services),
    ...createPickupSlice(set, get, services),
  }));
}
