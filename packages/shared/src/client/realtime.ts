import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  DeviceStream,
  ServerToClientEvents,
  SocketAuth,
  StaffStream,
} from '../contracts/events';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unauthorized';

export interface RealtimeHandlers<S extends DeviceStream = StaffStream> {
  snapshot(snapshot: S['snapshot']): void;
  events(envelopes: S['envelope'][]): void;
  connection(state: ConnectionState): void;
}

/**
 * A live feed of the hall for a kiosk, a counter panel or a screen: a snapshot on connecting, then event batches.
 * `S` is what the server sends the key: `StaffStream` for a staff token, `DeviceStream` (public tickets) for a device.
 */
export interface HallRealtime<S extends DeviceStream = StaffStream> {
  start(handlers: RealtimeHandlers<S>): void;
  /** Ask for a fresh snapshot after a gap in seq; it arrives through `handlers.snapshot`. */
  resync(): void;
  stop(): void;
}

// socket.io does not retry after a refused handshake; the server may be restarting, so keep trying.
const RETRY_MS = 5000;
/**
 * How long a connection attempt may take before it counts as failed (socket.io waits 20 s by default). On the hall's
 * LAN a connection takes milliseconds: a screen that is still connecting when the server goes away says so within
 * seconds, as a kiosk's offline notice must.
 */
const CONNECT_TIMEOUT_MS = 5000;

/** `url` defaults to the page's own origin (the pages are served by the queue server). */
export function createHallRealtime<S extends DeviceStream = StaffStream>(
  auth: SocketAuth,
  url?: string,
): HallRealtime<S> {
  let socket: Socket<ServerToClientEvents<S>, ClientToServerEvents<S>> | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let handlers: RealtimeHandlers<S> | null = null;

  return {
    start(h) {
      handlers = h;
      h.connection('connecting');
      const options = { auth, timeout: CONNECT_TIMEOUT_MS };
      const s: Socket<ServerToClientEvents<S>, ClientToServerEvents<S>> = url ? io(url, options) : io(options);
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
