import {
  TicketStatus,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketAuth,
} from '@hallq/shared/contracts';
import { io, type Socket } from 'socket.io-client';
import type { StatusSocket } from './follow-status';

/** The ticket's `status` room on the queue server the page came from. */
export function openStatusSocket(statusToken: string): StatusSocket {
  const auth: SocketAuth = { room: 'status', statusToken };
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(window.location.origin, { auth });
  return {
    get connected() {
      return socket.connected;
    },
    get active() {
      return socket.active;
    },
    onStatus: (listener) =>
      void socket.on('status', (status) => {
        const parsed = TicketStatus.safeParse(status);
        if (parsed.success) listener(parsed.data);
      }),
    onConnect: (listener) => void socket.on('connect', listener),
    onDown: (listener) => {
      socket.on('disconnect', () => listener());
      socket.on('connect_error', () => listener());
    },
    connect: () => void socket.connect(),
    close: () => void socket.close(),
  };
}
