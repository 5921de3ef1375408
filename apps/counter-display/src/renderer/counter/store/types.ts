import type { HallClient } from '@hallq/shared/client';
import type { NoticePrintJob } from '../../../bridge/notice-bridge';
import type { StoreApi } from 'zustand/vanilla';
import type { ConnectRealtime } from '../services/realtime';
import type { CounterStorage } from '../services/storage';
import type { ClockSlice } from './slices/clock/actions';
import type { DeskSlice } from './slices/desk/actions';
import type { FeedSlice } from './slices/feed/actions';
import type { GuideSlice } from './slices/guide/actions';
import type { LockerSlice } from './slices/locker/actions';
import type { NoticesSlice } from './slices/notices/actions';
import type { SessionSlice } from './slices/session/actions';
import type { SummarySlice } from './slices/summary/actions';

/** Everything the store talks to, injected so the panel's behaviour runs in a unit test without a browser. */
export interface CounterServices {
  /** The typed queue-server client (routes.ts); tests give it a fake per route. */
  api: HallClient;
  connectRealtime: ConnectRealtime;
  storage: CounterStorage;
  now(): number;
  newRequestId(): string;
  /** Prints the page (showing only the offered notice) for `job`; rejects with why it could not. */
  printNotice(job: NoticePrintJob): Promise<void>;
}

export type CounterState = ClockSlice &
  SessionSlice &
  FeedSlice &
  DeskSlice &
  SummarySlice &
  GuideSlice &
  LockerSlice &
  NoticesSlice;
export type CounterStore = StoreApi<CounterState>;

export type SliceCreator<T> = (
  set: CounterStore['setState'],
  get: CounterStore['getState'],
  services: CounterServices,
) => T;
