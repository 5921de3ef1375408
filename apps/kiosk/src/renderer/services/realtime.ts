import type { ClientToServerEvents, EventEnvelope, ServerToClientEvents, Snapshot } from '@hallq/shared';
import { io, type Socket } from 'socket.io-client';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unauthorized';

export interface RealtimeHandlers {
  snapshot(snapshot: Snapshot): void;
  events(envelopes: EventEnvelope[]): void;
  connection(state: ConnectionState): void;
}

/** The kiosk's live feed of the hall: a snapshot on connecting, then event batches. */
export interface KioskRealtime {
  start(handlers: RealtimeHandlers): void;
  /** Ask for a fresh snapshot after a gap in seq; it arrives through `handlers.snapshot`. */
  resync(): void;
  stop(): void;
}

// socket.io does not retry after a refused handshake; the server may be restarting, so keep trying.
const RETRY_MS = 5000;

export function createRealtime(deviceKey: string): KioskRealtime {
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let handlers: RealtimeHandlers | null = null;

  return {
    start(h) {
      handlers = h;
      h.connection('connecting');
      const s: Socket<ServerToClientEvents, ClientToServerEvents> = io({ auth: { room: 'kiosk', token: deviceKey } });
      socket = s;
      s.on('connect', () => h.connection('connected'));
      s.on('disconnect', (reason) => {
        h.connection('disconnected');
        if (reason === 'io server disconnect') s.connect();
      });
      s.on('connect_error', (error) => {
        h.connection(error.message.startsWith('unauthorized') ? 'unauthorized' : 'disconnected');
        if (!s.active) {
          clearTimeout(retry);
          retry = setTimeout(() => s.connect(), RETRY_MS);
        }
      });
      s.on('snapshot', (snapshot) => h.snapshot(snapshot));
      s.on('events', (envelopes) => h.events(envelopes));
    },
    resync() {
      socket?.emit('resync', (snapshot) => handlers?.snapshot(snapshot));
    },
    stop() {
      clearTimeout(retry);
      socket?.disconnect();
      socket = null;
    },
  };
}
