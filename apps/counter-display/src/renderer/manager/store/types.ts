import type { HallRealtime } from '@hallq/shared';
import type { StoreApi } from 'zustand/vanilla';
import type { ManagerApi } from '../services/api';
import type { SessionStorage } from '../services/session-storage';
import type { FloorSlice } from './slices/floor/actions';
import type { FollowUpsSlice } from './slices/followups/actions';
import type { SessionSlice } from './slices/session/actions';

/** Everything the console talks to, injected so it runs in a unit test without a browser. */
export interface ManagerServices {
  api: ManagerApi;
  /** The hall room, with the manager's staff token. */
  realtime(token: string): HallRealtime;
  sessions: SessionStorage;
  newRequestId(): string;
}

export type ManagerState = SessionSlice & FloorSlice & FollowUpsSlice;
export type ManagerStore = StoreApi<ManagerState>;

export type SliceCreator<T> = (
  set: ManagerStore['setState'],
  get: ManagerStore['getState'],
  services: ManagerServices,
) => T;
