import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { EventEnvelope } from '@hallq/shared/contracts';
import { deviceEnvelopes, deviceSnapshot, SocketAuth, StatusTokenParam } from '@hallq/shared/contracts';
import type { Authenticator, Principal } from '../auth/authenticator';
import { requestHost } from '../http/security-headers';
import { ApiError } from '../service/api-error';
import type { HallServices } from '../service/hall-services';
import type { LockerService } from '../service/locker-service';
import type { EventHub } from './event-hub';
import type { HallIo } from './hall-io';
import { StatusFeed } from './status-feed';
import { resyncLimiter } from './resync-limit';
import { forAudience, scoped, staffAudience, type StaffAudience } from './staff-audience';
import type { HallLog } from '../log/logger';

/** Staff connections, whatever their room: the whole hall event stream, the lockers' included. */
const STAFF_ROOM = 'staff';
/** Device connections (kiosks, displays, window screens, pads): the stream without what is for staff only. */
const DEVICE_STREAM_ROOM = 'stream:devices';
/** Staff connections of one audience (`staffAudience`): for the guide calls and follow-ups not every one may see. */
const AUDIENCE_ROOM_PREFIX = 'audience:';
/** A locker's own connection, for its door commands. */
export const LOCKER_ROOM_PREFIX = 'locker:';

/**
 * Whether a connection may open: one with no Origin (the Electron shells' main processes, the lock-board agent, Node
 * clients) or from a page of this very host (the Origin names the host the request was sent to, http or https). A
 * page of another site may not open a socket on a hall device's behalf.
 */
export function originAllowed(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const host = requestHost(request);
  if (host === undefined) return false;
  const lower = origin.toLowerCase();
  return lower === `http://${host}` || lower === `https://${host}`;
}

/**
 * socket.io on the HTTP server. A connection names its room in the handshake (`hall` for displays, `kiosk`,
 * `window` with its number for a counter panel) and authenticates with a device key or staff token. It gets a snapshot,
 * then every hall event in sequence. The phone page (`status` with a ticket's status token, no key) gets only that
 * ticket's status, on connecting and whenever it changes.
 */
export function attachRealtime(
  server: HttpServer,
  deps: { services: HallServices; lockers: LockerService; auth: Authenticator; hub: EventHub; log: HallLog },
): HallIo {
  const { services, lockers, auth, hub, log } = deps;
  const { today, tickets } = services;
  const io: HallIo = new Server(server, {
    serveClient: false,
    allowRequest: (request, callback) => {
      const allowed = originAllowed(request);
      callback(allowed ? null : 'forbidden: connections from another origin are refused', allowed);
    },
  });
  // socket.io answers its own HTTP requests (the long-polling transport), past the app's security headers.
  io.engine.on('initial_headers', (headers: Record<string, string>) => {
    headers['X-Content-Type-Options'] = 'nosniff';
  });
  const statusFeed = new StatusFeed(io, tickets, today, log);
  const audiences = new Map<string, StaffAudience>();

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
        tickets.status(request.statusToken);
      } catch (error) {
        if (error instanceof ApiError) return next(new Error(`${error.code}: ${error.message}`));
        throw error;
      }
      socket.data.statusToken = request.statusToken;
      return next();
    }
    let principal: Principal | null;
    try {
      principal = auth.authenticate(request.token, socket.handshake.address);
    } catch (error) {
      if (error instanceof ApiError) return next(new Error(`${error.code}: ${error.message}`));
      throw error;
    }
    if (!principal) return next(new Error('unauthorized: unknown or expired token'));
    // Door commands go to the locker alone: not even staff may listen in.
    if (request.room === 'locker') {
      if (principal.kind !== 'device' || principal.device !== 'locker')
        return next(new Error('forbidden: only a locker may join the locker room'));
      socket.data.locker = principal.id;
      socket.data.token = request.token;
      return next();
    }
    socket.data.staff = principal.kind === 'staff';
    if (principal.kind === 'staff') socket.data.audience = staffAudience(today.hall, principal);
    socket.data.token = request.token;
    const allowed =
      principal.kind === 'staff' ||
      (request.room === 'hall' && principal.device === 'display') ||
      (request.room === 'kiosk' && principal.device === 'kiosk') ||
      (request.room === 'window' && principal.device === 'display' && principal.window === request.window);
    if (!allowed) return next(new Error(`forbidden: this device may not join the ${request.room} room`));
    if (request.room === 'window' && !today.hall.windows.some((w) => w.number === request.window)) {
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
    const staff = socket.data.staff === true;
    const audience = socket.data.audience as StaffAudience | undefined;
    const rooms = [socket.data.room as string, staff ? STAFF_ROOM : DEVICE_STREAM_ROOM];
    if (audience) {
      audiences.set(audience.key, audience);
      rooms.push(AUDIENCE_ROOM_PREFIX + audience.key);
    }
    void socket.join(rooms);
    // The lockers are for staff, as their events are; a device's snapshot has none, and its tickets' public view only.
    // A member of staff sees the guide calls that reach them.
    const snapshot = () => {
      if (!audience) return deviceSnapshot(today.snapshot(hub.seq, []));
      const whole = today.snapshot(hub.seq, lockers.lockerViews().lockers);
      return { ...whole, guideCalls: whole.guideCalls.filter((call) => audience.sees({ type: 'guide.called', call })) };
    };
    socket.emit('snapshot', snapshot());
    const resync = resyncLimiter(snapshot);
    socket.on('resync', (ack) => {
      if (typeof ack === 'function') resync.ask(ack as (s: unknown) => void);
    });
    socket.on('disconnect', () => resync.close());
  });

  // Every stream connection gets every sequence number, so any client can detect a gap; devices get tickets as their
  // public view and what is for staff only blanked out. One message per commit group: serialised once per audience,
  // written once to each connection.
  // socket.io encodes a message before it looks who is in the room: an audience nobody is in is skipped here.
  const listening = (room: string) => (io.of('/').adapter.rooms.get(room)?.size ?? 0) > 0;
  // A group with a guide call or a follow-up in it goes to each audience as it may see it; the rest to all staff.
  const toStaff = (envelopes: EventEnvelope[]) => {
    if (!envelopes.some((e) => scoped(e.event))) {
      if (listening(STAFF_ROOM)) io.to(STAFF_ROOM).emit('events', envelopes);
      return;
    }
    for (const [key, audience] of audiences) {
      const room = AUDIENCE_ROOM_PREFIX + key;
      if (listening(room)) io.to(room).emit('events', forAudience(envelopes, audience));
      else audiences.delete(key);
    }
  };
  // A key revoked, a person disabled or their password reset: their open connections end at once, as their requests do.
  auth.onRefresh(() => {
    for (const socket of io.of('/').sockets.values()) {
      const token = socket.data.token as string | undefined;
      if (token !== undefined && !auth.stillValid(token)) socket.disconnect(true);
    }
  });
  hub.subscribe((envelopes) => {
    const forDevices = listening(DEVICE_STREAM_ROOM) ? deviceEnvelopes(envelopes) : null;
    // A group with no ticket and nothing narrower than everyone: one message for everyone.
    if (forDevices === envelopes && !envelopes.some((e) => scoped(e.event))) {
      io.to([STAFF_ROOM, DEVICE_STREAM_ROOM]).emit('events', envelopes);
    } else {
      toStaff(envelopes);
      if (forDevices) io.to(DEVICE_STREAM_ROOM).emit('events', forDevices);
    }
    statusFeed.onEvents(envelopes);
  });
  return io;
}
