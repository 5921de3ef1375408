import type { HallClient } from '@hallq/shared/client';
import type { StoreApi } from 'zustand/vanilla';
import type { KioskBridge } from '../../bridge/kiosk-bridge';
import type { AppointmentSlice } from './slices/appointment/actions';
import type { CardSlice } from './slices/card/actions';
import type { FlowSlice } from './slices/flow/actions';
import type { GuideSlice } from './slices/guide/actions';
import type { HallSlice } from './slices/hall/actions';
import type { PickupSlice } from './slices/pickup/actions';
import type { TicketSlice } from './slices/ticket/actions';

/** Everything the store talks to, injected so the whole kiosk flow runs in a unit test without a browser. */
export interface KioskServices {
  /** The queue server, with the kiosk's device key. */
  api: HallClient;
  /** `window.hallq` inside the Electron shell; null in a plain browser (the ticket is shown on screen). */
  bridge: KioskBridge | null;
  hasIdCardReader: boolean;
  /** Wired to a pickup locker's lock boards (through the bridge): the kiosk offers 自助取件. */
  hasLocker: boolean;
  now(): number;
  newRequestId(): string;
  /** location.origin: the printed QR code points at origin + statusPath. */
  origin: string;
}

export type KioskState = HallSlice & FlowSlice & TicketSlice & GuideSlice & AppointmentSlice & CardSlice & PickupSlice;
export type KioskStore = StoreApi<KioskState>;

export type SliceCreator<T> = (set: KioskStore['setState'], get: KioskStore['getState'], services: KioskServices) => T;
