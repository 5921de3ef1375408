import type { FeedSlice, HallClient } from '@hallq/shared/client';
import type { DeviceStream } from '@hallq/shared/contracts';
import type { StoreApi } from 'zustand/vanilla';
import type { HallSlice } from './slices/hall/actions';
import type { PadSlice } from './slices/pad/actions';

/** Everything the pad talks to, injected so the whole rating flow runs in a unit test without a browser. */
export interface PadServices {
  /** With the pad's device key. */
  client: HallClient;
  /** The window this pad stands at: it shows only that window's rating requests. */
  window: number;
  now(): number;
  newRequestId(): string;
}

export type PadState = FeedSlice<DeviceStream> & HallSlice & PadSlice;
export type PadStore = StoreApi<PadState>;

export type SliceCreator<T> = (set: PadStore['setState'], get: PadStore['getState'], services: PadServices) => T;
