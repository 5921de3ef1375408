import { ApiError, startPolling } from '@hallq/shared/client';
import { type TicketStatus } from '@hallq/shared/contracts';

/** The part of a socket.io client socket the page uses (the `status` room pushes TicketStatus). */
export interface StatusSocket {
  readonly connected: boolean;
  /** False once socket.io has given up reconnecting by itself (a refused handshake, a server-side disconnect). */
  readonly active: boolean;
  onStatus(listener: (status: TicketStatus) => void): void;
  onConnect(listener: () => void): void;
  onDown(listener: () => void): void;
  connect(): void;
  close(): void;
}

/** live: pushed by the socket; polling: the socket is down, polled instead; offline: the last poll failed too. */
export type StatusLink = 'live' | 'polling' | 'offline';

export interface FollowStatusOptions {
  openSocket: () => StatusSocket;
  fetchStatus: () => Promise<TicketStatus>;
  onStatus: (status: TicketStatus) => void;
  onLink: (link: StatusLink) => void;
  /** The server does not know the ticket (404), or refuses its token (400). */
  onNotFound: () => void;
  pollMs?: number;
}

/**
 * Follows one ticket: pushed statuses while the socket is up, a poll every `pollMs` while it is down. It polls from
 * the start too, so the page has its first answer even when the socket cannot get through. Returns the stop function.
 */
export function followStatus(options: FollowStatusOptions): () => void {
  const pollMs = options.pollMs ?? 10_000;
  const socket = options.openSocket();
  let stopPolling: (() => void) | null = null;
  let stopped = false;

  const stop = () => {
    stopped = true;
    stopPolling?.();
    socket.close();
  };

  const poll = async () => {
    // socket.io stops retrying after a refused handshake; try the socket again on each poll.
    if (!socket.connected && !socket.active) socket.connect();
    return options.fetchStatus();
  };

  const startFallback = () => {
    if (stopPolling || stopped) return;
    options.onLink('polling');
    stopPolling = startPolling(poll, pollMs, (update) => {
      const { data, error } = update({ data: null, error: null });
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        stop();
        options.onNotFound();
      } else if (error) {
        options.onLink('offline');
      } else if (data) {
        options.onLink('polling');
        options.onStatus(data);
      }
    });
  };

  socket.onStatus((status) => {
    if (!stopped) options.onStatus(status);
  });
  socket.onConnect(() => {
    // Stopping drops a poll still in flight, so an older answer cannot overwrite the pushed status.
    stopPolling?.();
    stopPolling = null;
    if (!stopped) options.onLink('live');
  });
  socket.onDown(startFallback);
  startFallback();
  return stop;
}
