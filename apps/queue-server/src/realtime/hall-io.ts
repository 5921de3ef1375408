import type { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@hallq/shared/contracts';

/** The socket.io server with the contract's events, typed both ways. */
export type HallIo = Server<ClientToServerEvents, ServerToClientEvents>;
