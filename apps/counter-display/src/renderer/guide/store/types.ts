import type { HallClient, HallRealtime } from '@hallq/shared/client';
import type { StoreApi } from 'zustand/vanilla';
import type { SessionStorage } from '../../common/staff-session';
import type { AppointmentsSlice } from './slices/appointments/actions';
import type { HallFeedSlice } from './slices/feed/actions';
import type { GuideCallsSlice } from './slices/guide-calls/actions';
import type { IssueSlice } from './slices/issue/actions';
import type { LookupSlice } from './slices/lookup/actions';
import type { SessionSlice } from './slices/session/actions';

/** Everything the desk talks to, injected so it runs in a unit test without a browser. */
export interface GuideServices {
  /** Without a token of its own: each call after login names the guide's staff token. */
  client: HallClient;
  /** The hall room with the guide's token: the stream and snapshot carry only the guide calls of their zones. */
  realtime(token: string): HallRealtime;
  sessions: SessionStorage;
  now(): number;
  newRequestId(): string;
}

export type GuideState = SessionSlice & HallFeedSlice & LookupSlice & IssueSlice & AppointmentsSlice & GuideCallsSlice;
export type GuideStore = StoreApi<GuideState>;

export type SliceCreator<T> = (set: GuideStore['setState'], get: GuideStore['getState'], services: GuideServices) => T;
