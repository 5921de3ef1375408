import type { HallClient, HallRealtime } from '@hallq/shared/client';
import type { StoreApi } from 'zustand/vanilla';
import type { SessionStorage } from '../../common/staff-session';
import type { ArchiveSlice } from './slices/archive/actions';
import type { BulletinSlice } from './slices/bulletin/actions';
import type { FloorSlice } from './slices/floor/actions';
import type { FollowUpsSlice } from './slices/followups/actions';
import type { LockersSlice } from './slices/lockers/actions';
import type { OutboxSlice } from './slices/outbox/actions';
import type { ScopeSlice } from './slices/scope/actions';
import type { SessionSlice } from './slices/session/actions';
import type { SettingsSlice } from './slices/settings/actions';
import type { StatisticsSlice } from './slices/statistics/actions';

/** Everything the console talks to, injected so it runs in a unit test without a browser. */
export interface ManagerServices {
  /** Without a token of its own: each call after login names the staff token. */
  client: HallClient;
  /**
   * The hall room, with the session's staff token (as staff, its stream and snapshot carry the lockers too; follow-up
   * events only of the departments the session answers for).
   */
  realtime(token: string): HallRealtime;
  sessions: SessionStorage;
  newRequestId(): string;
}

export type ManagerState = SessionSlice &
  ScopeSlice &
  FloorSlice &
  FollowUpsSlice &
  ArchiveSlice &
  LockersSlice &
  OutboxSlice &
  StatisticsSlice &
  BulletinSlice &
  SettingsSlice;
export type ManagerStore = StoreApi<ManagerState>;

export type SliceCreator<T> = (
  set: ManagerStore['setState'],
  get: ManagerStore['getState'],
  services: ManagerServices,
) => T;
