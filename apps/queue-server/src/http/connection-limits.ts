import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

/** How long a client may take and how many connections one address may hold. */
export interface ConnectionLimits {
  /** The whole request, headers and body, must arrive within this (Node's `requestTimeout`). */
  requestTimeoutMs: number;
  /** The headers must arrive within this (Node's `headersTimeout`; at most `requestTimeoutMs`). */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** How often Node looks for requests over their time (Node's `connectionsCheckingInterval`). */
  checkIntervalMs: number;
  /** Open connections (HTTP and socket.io alike) one client address may hold; more are closed at once. */
  maxConnectionsPerAddress: number;
  /** A 429 is held this long (at most its Retry-After) before it is sent; see RefusalHold. */
  refusalHoldMs: number;
  /** Refusals held at once; beyond that they are sent at once. */
  maxHeldRefusals: number;
}

/**
 * A LAN hall: every device is its own address, but phones on a guest Wi-Fi may share one behind its router, and the
 * benchmark and end-to-end runs open hundreds of sockets from loopback (they raise the cap).
 */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 72_000,
  checkIntervalMs: 5_000,
  maxConnectionsPerAddress: 256,
  refusalHoldMs: 1000,
  maxHeldRefusals: 4096,
};

export function connectionLimits(overrides: Partial<ConnectionLimits> = {}): ConnectionLimits {
  return { ...DEFAULT_CONNECTION_LIMITS, ...overrides };
}

/** Fastify's server options for these limits: a body trickled byte by byte is cut like trickled headers. */
export function serverTimeouts(limits: ConnectionLimits) {
  const headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
  };
}

/** Closes a client's connections beyond `max` as they open, so one address cannot use up the file descriptors. */
export function capConnectionsPerAddress(server: HttpServer, max: number): void {
  const open = new Map<string, number>();
  // Before the HTTP parser takes the socket: a refused connection costs nothing more.
  server.prependListener('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
