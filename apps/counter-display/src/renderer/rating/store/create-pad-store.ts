import { createStore } from 'zustand/vanilla';
import { createHallSlice } from './slices/hall/actions';
import { createPadSlice } from './slices/pad/actions';
import type { PadServices, PadState, PadStore } from './types';

export function createPadStore(services: PadServices): PadStore {
  return createStore<PadState>()((set, get, _api) => ({
    ...createHallSlice(set, get, services),
    ...createPadSlice(set, get, services),
  }));
}
