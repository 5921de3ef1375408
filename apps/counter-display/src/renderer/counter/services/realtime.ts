import { createHallRealtime, type HallRealtime } from '@hallq/shared/client';

/** Opens the window room's live feed with the clerk's token; a new login makes a new connection. */
export type ConnectRealtime = (window: number, token: string) => HallRealtime;

export const connectRealtime: ConnectRealtime = (window, token) =>
  createHallRealtime({ room: 'window', window, token });
