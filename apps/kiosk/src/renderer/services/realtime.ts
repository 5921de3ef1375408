import { createHallRealtime, type HallRealtime } from '@hallq/shared/client';

export type { ConnectionState, RealtimeHandlers } from '@hallq/shared/client';
export type KioskRealtime = HallRealtime;

/** The kiosk's live feed: the kiosk room, with its device key. */
export function createRealtime(deviceKey: string): KioskRealtime {
  return createHallRealtime({ room: 'kiosk', token: deviceKey });
}
