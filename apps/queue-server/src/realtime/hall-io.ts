import type { Server } from 'socket.io';
import type { ClientToServerEvents, DeviceStream, ServerToClientEvents } from '@hallq/shared/contracts';

/**
 * The socket.io server with the contract's events, typed both ways. Typed with the device stream, the wider of the
 * two: a staff snapshot or envelope is a device one with more in it, so staff and device rooms both fit.
 */
export type HallIo = Server<ClientToServerEvents<DeviceStream>, ServerToClientEvents<DeviceStream>>;
