import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@hallq/shared/contracts';
import { deviceEnvelopes, SocketAuth, StatusTokenParam } from '@hallq/shared/contracts';
import type { Authenticator } from '../auth/authenticator';
import { ApiError } from '../service/api-error';
import type { HallService } from '../service/hall-service';
import type { LockerService } from '../service/locker-service';
import type { EventHub } from './event-hub';
import { StatusFeed } from './status-feed';

export type HallIo = Server<ClientToServerEvents, ServerToClientEvents>;

/** Staff connections, whatever their room: the whole hall event stream, and locker events. */
export const STAFF_ROOM = 'staff';
/** Device connections (kiosks, displays, window screens, pads): the stream without what is for staff only. */
const DEVICE_STREAM_ROOM = 'stream:devices';
/** A locker's own connection, for its door commands. */
export const LOCKER_ROOM_PREFIX = 'locker:';

/**
 * socket.io on the HTTP server. A connection names its room in the handshake (`hall` for displays, `kiosk`,
 * `window` with its number for a counter panel) and authenticates with a device key or staff token. It gets a snapshot,
 * then every hall event in sequence. The phone page (`status` with a ticket's status token, no key) gets only that
 * ticket's status, on connecting and whenever it changes.
 */
export function attachRealtime(
  server: HttpServer,
  deps: { service: HallService; lockers: LockerService; auth: Authenticator; hub: EventHub },
): HallIo {
  const { service, lockers, auth, hub } = deps;
  const io: HallIo = new Server(server, { serveClient: false, cors: { origin: true } });
  const statusFeed = new StatusFeed(io, service, service.hall);

  io.use((socket, next) => {
    const parsed = SocketAuth.safeParse(socket.handshake.auth);
    if (!parsed.success) {
      return next(
        new Error(
          'validation_failed: handshake auth must be { room, token, window? } or { room: "status", statusToken }',
        ),
      );
    }
    const request = parsed.data;
    if (request.room === 'status') {
      if (!StatusTokenParam.shape.token.safeParse(request.statusToken).success) {
        return next(new Error('validation_failed: statusToken is malformed'));
      }
      try {
        service.ticketStatus(request.statusToken);
      } catch (error) {
        if (error instanceof ApiError) return next(new Error(`${error.code}: ${error.message}`));
        throw error;
      }
      socket.data.statusToken = request.statusToken;
      return next();
    }
    const principal = auth.authenticate(request.token);
    if (!principal) return next(new Error('unauthorized: unknown or expired token'));
    // Door commands go to the locker alone: not even staff may listen in.
    if (request.room === 'locker') {
      if (principal.kind !== 'device' || principal.device !== 'locker')
        return next(new Error('forbidden: only a locker may join the locker room'));
      socket.data.locker = principal.id;
      return next();
    }
    socket.data.staff = principal.kind === 'staff';
    const allowed =
      principal.kind === 'staff' ||
      (request.room === 'hall' && principal.device === 'display') ||
      (request.room === 'kiosk' && principal.device === 'kiosk') ||
      (request.room === 'window' && principal.device === 'display' && principal.window === request.window);
    if (!allowed) return next(new Error(`forbidden: this device may not join the ${request.room} room`));
    if (request.room === 'window' && !service.hall.windows.some((w) => w.number === request.window)) {
      return next(new Error(`not_found: no window ${request.window}`));
    }
    socket.data.room = request.room === 'window' ? `window:${request.window}` : request.room;
    next();
  });

  io.on('connection', (socket) => {
    if (socket.data.statusToken !== undefined) {
      statusFeed.join(socket, socket.data.statusToken as string);
      return;
    }
    if (socket.data.locker !== undefined) {
      const locker = socket.data.locker as string;
      void socket.join(`${LOCKER_ROOM_PREFIX}${locker}`);
      socket.emit('lockerCommands', lockers.pendingCommands(locker));
      return;
    }
    void socket.join([socket.data.room as string, socket.data.staff ? STAFF_ROOM : DEVICE_STREAM_ROOM]);
    socket.emit('snapshot', service.snapshot(hub.seq));
    socket.on('resync', (ack) => {
      if (typeof ack === 'function') ack(service.snapshot(hub.seq));
    });
  });

  // Every stream connection gets every sequence number, so any client can detect a gap; devices get what is for staff
  // only blanked out. One message per commit group: serialised once per audience, written once to each connection.
  hub.subscribe((envelopes) => {
    const forDevices = deviceEnvelopes(envelopes);
    // Most groups hold nothing for staff only: one message for everyone, as a call must reach the screens fast.
    if (forDevices === envelopes) io.to([STAFF_ROOM, DEVICE_STREAM_ROOM]).emit('events', envelopes);
    else {
      io.to(STAFF_ROOM).emit('events', envelopes);
      io.to(DEVICE_STREAM_ROOM).emit('events', forDevices);
    }
    statusFeed.onEvents(envelopes);
  });
  return io;
}
