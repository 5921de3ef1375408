import { z } from 'zod';
import { Ticket, TicketState } from '../domain/ticket';
import { WindowState } from '../domain/window';
import { Keypad } from '../domain/locker';
import { GuideCall, PublicGuideCall, publicGuideCall } from './guide-calls';
import { CompartmentView, LockerView, type OpenCommand } from './lockers';
import { PublicHall } from './hall';
import { NoticeStatus } from './notices';
import { QueueInfo } from './queues';
import { FollowUp, RatingRecord, RatingRequest } from './ratings';
import type { TicketStatus } from './tickets';

/**
 * A ticket as devices (kiosks, hall displays, window screens, rating pads) see it: what a screen in the hall shows
 * and no more. The id ties a window's `currentTicket` to its ticket; number, window type, state, window and calls are
 * what the display, the window screen and the voice announce. Never the clerk's words (a refusal's reason, a
 * transfer's note, missing materials, a case number), the appointment code, the priority group or the service item.
 */
export const PublicTicket = z
  .object({
    id: Ticket.shape.id,
    number: Ticket.shape.number,
    windowType: Ticket.shape.windowType,
    state: Ticket.shape.state,
    window: Ticket.shape.window,
    calls: Ticket.shape.calls,
  })
  .strict();
export type PublicTicket = z.infer<typeof PublicTicket>;

/** The one way a whole ticket becomes its public view: field by field, so nothing new on a ticket leaks by default. */
export function publicTicket(ticket: PublicTicket): PublicTicket {
  return {
    id: ticket.id,
    number: ticket.number,
    windowType: ticket.windowType,
    state: ticket.state,
    window: ticket.window,
    calls: ticket.calls,
  };
}

/**
 * The events that carry a record devices see only in part: tickets and guide calls, whole (staff) or as their public
 * views (devices).
 */
const recordEvents = <
  T extends typeof Ticket | typeof PublicTicket,
  C extends typeof GuideCall | typeof PublicGuideCall,
>(
  ticket: T,
  call: C,
) =>
  [
    z.object({ type: z.literal('ticket.issued'), ticket }).strict(),
    z.object({ type: z.literal('ticket.called'), ticket, window: z.number().int() }).strict(),
    z.object({ type: z.literal('ticket.recalled'), ticket, window: z.number().int() }).strict(),
    z.object({ type: z.literal('ticket.updated'), ticket, previousState: TicketState }).strict(),
    /** A citizen pressed 呼叫导办 at a kiosk; staff screens raise an alert until someone answers it. */
    z.object({ type: z.literal('guide.called'), call }).strict(),
    z.object({ type: z.literal('guide.answered'), call }).strict(),
  ] as const;

/** The events without a ticket or a guide call in them: the same for staff and devices. */
const otherEvents = [
  /** The settings changed (the console, a rollback): every screen takes the hall's public part from here on. */
  z.object({ type: z.literal('hall.changed'), hall: PublicHall }).strict(),
  z.object({ type: z.literal('window.updated'), window: WindowState }).strict(),
  z.object({ type: z.literal('queues.updated'), queues: z.array(QueueInfo) }).strict(),
  /** A window type gained (active) or lost (inactive) an empty post: people waiting, no open window serving it. */
  z.object({ type: z.literal('empty_post'), windowType: z.string(), active: z.boolean() }).strict(),
  /** A window finished a service: its rating pad asks the citizen. */
  z.object({ type: z.literal('rating.requested'), request: RatingRequest }).strict(),
  /** A rating request ended: the citizen's answer, or not_rated when it expired. */
  z.object({ type: z.literal('rating.recorded'), requestId: z.string(), rating: RatingRecord }).strict(),
  /** A bad rating's follow-up opened or changed. */
  z.object({ type: z.literal('followup.updated'), followUp: FollowUp }).strict(),
  /**
   * A rating request ended, as devices see it: rating.recorded without the rating (the reasons, the citizen's words
   * and the clerk are for staff). A rating pad needs only this.
   */
  z.object({ type: z.literal('rating.ended'), requestId: z.string(), result: RatingRecord.shape.result }).strict(),
  /** A locker compartment changed (reserved, opened, stored, collected, faulty …); never a pickup code. Staff only. */
  z.object({ type: z.literal('locker.compartment'), compartment: CompartmentView }).strict(),
  /** A locker's keypad locked after too many wrong codes, or opened again with a right one. Staff only. */
  z.object({ type: z.literal('locker.keypad'), locker: z.string(), keypad: Keypad }).strict(),
  /** A notice was queued, sent, delivered, failed or erased: the manager's list reads it again. Staff only. */
  z.object({ type: z.literal('notice.updated'), id: z.string(), status: NoticeStatus }).strict(),
  /** In a device's stream, in place of an event for staff only: it keeps the sequence whole. */
  z.object({ type: z.literal('staff_only') }).strict(),
  /**
   * In a staff member's stream, in place of what is not theirs to see: a guide call of another floor's zone, a
   * follow-up of another department (`staffAudience` in the server). It keeps the sequence whole.
   */
  z.object({ type: z.literal('withheld') }).strict(),
] as const;

/** Everything that happens in the hall, as the realtime stream carries it to staff: whole tickets. */
export const HallEvent = z.discriminatedUnion('type', [...recordEvents(Ticket, GuideCall), ...otherEvents]);
export type HallEvent = z.infer<typeof HallEvent>;

/** An event as a device receives it: tickets and guide calls as their public views (`publicTicket`, `publicGuideCall`). */
export const DeviceEvent = z.discriminatedUnion('type', [
  ...recordEvents(PublicTicket, PublicGuideCall),
  ...otherEvents,
]);
export type DeviceEvent = z.infer<typeof DeviceEvent>;

/**
 * The stream as devices (kiosks, displays, window screens, rating pads) receive it: the same envelopes and sequence,
 * every ticket and guide call as its public view, and what is for staff only (ratings' details, follow-ups and their
 * notes, the lockers) taken out. A batch with none of these is passed through as it is.
 */
export function deviceEnvelopes(envelopes: EventEnvelope[]): DeviceEnvelope[] {
  const reduced = (e: EventEnvelope) =>
    'ticket' in e.event || 'call' in e.event || STAFF_ONLY.has(e.event.type) || e.event.type === 'rating.recorded';
  if (!envelopes.some(reduced)) return envelopes;
  return envelopes.map((e): DeviceEnvelope => {
    const event = e.event;
    if (STAFF_ONLY.has(event.type)) return { ...e, event: { type: 'staff_only' } };
    if (event.type === 'rating.recorded')
      return { ...e, event: { type: 'rating.ended', requestId: event.requestId, result: event.rating.result } };
    if ('ticket' in event) return { ...e, event: { ...event, ticket: publicTicket(event.ticket) } };
    if ('call' in event) return { ...e, event: { ...event, call: publicGuideCall(event.call) } };
    return e;
  });
}

/** Events devices never see, not even reduced: follow-ups and their notes, and the lockers. */
const STAFF_ONLY: ReadonlySet<HallEvent['type']> = new Set([
  'followup.updated',
  'locker.compartment',
  'locker.keypad',
  'notice.updated',
]);

/**
 * Each event carries the hall-wide sequence number; every connection receives every number, so a client that sees
 * seq jump by more than one has missed something and asks for a new snapshot. Events arrive in batches: all the
 * events of the writes committed together, in order.
 */
export const EventEnvelope = z.object({ seq: z.number().int().positive(), at: z.string(), event: HallEvent }).strict();
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** An envelope of a device's stream (`deviceEnvelopes`). */
export const DeviceEnvelope = EventEnvelope.extend({ event: DeviceEvent }).strict();
export type DeviceEnvelope = z.infer<typeof DeviceEnvelope>;

export const RecentCall = z
  .object({ number: z.string(), window: z.number().int(), at: z.string(), recall: z.boolean() })
  .strict();
export type RecentCall = z.infer<typeof RecentCall>;

export const Snapshot = z
  .object({
    /** The seq of the last event included in this snapshot. */
    seq: z.number().int().min(0),
    hallDay: z.string(),
    /** The settings version in force: a page holding an older hall loads it again (`hall.changed` carries it too). */
    hallVersion: z.number().int().positive(),
    queues: z.array(QueueInfo),
    windows: z.array(WindowState),
    /** Today's tickets still in play: waiting, transferred, called or serving. */
    tickets: z.array(Ticket),
    /** The latest calls, newest first, for the hall display's history. */
    recentCalls: z.array(RecentCall),
    emptyPosts: z.array(z.string()),
    /** Guide calls not yet answered, oldest first. */
    guideCalls: z.array(GuideCall),
    /** Rating requests still waiting for an answer (a pad that restarts shows its own again). */
    ratingRequests: z.array(RatingRequest),
    /** Every locker with its compartments and keypad, for staff; empty in a device's snapshot. */
    lockers: z.array(LockerView),
  })
  .strict();
export type Snapshot = z.infer<typeof Snapshot>;

/** A device's snapshot (`deviceSnapshot`): tickets and guide calls as their public views, no lockers. */
export const DeviceSnapshot = Snapshot.extend({
  tickets: z.array(PublicTicket),
  guideCalls: z.array(PublicGuideCall),
  lockers: z.array(LockerView).max(0),
}).strict();
export type DeviceSnapshot = z.infer<typeof DeviceSnapshot>;

/**
 * The snapshot a device is sent: sized by what a device shows, not by the day — only the tickets at a window (called
 * or being served: at most one a window), each through `publicTicket`; the waiting are in the queue counts. Guide
 * calls through `publicGuideCall`. No lockers.
 */
export function deviceSnapshot(snapshot: Snapshot): DeviceSnapshot {
  const atWindows = snapshot.tickets.filter((t) => t.state === 'called' || t.state === 'serving');
  return {
    ...snapshot,
    tickets: atWindows.map(publicTicket),
    guideCalls: snapshot.guideCalls.map(publicGuideCall),
    lockers: [],
  };
}

/**
 * What a connection's feed is made of: staff get whole tickets, devices their public view. A staff snapshot or
 * envelope is also a device one with more in it, so code written for `DeviceStream` takes either.
 */
export interface StaffStream {
  snapshot: Snapshot;
  envelope: EventEnvelope;
}
export interface DeviceStream {
  snapshot: DeviceSnapshot;
  envelope: DeviceEnvelope;
}

/** The locker events of the stream (staff only). */
export type LockerEvent = Extract<HallEvent, { type: 'locker.compartment' | 'locker.keypad' }>;

/** What a connection says it is when it connects (socket.io handshake `auth`). */
export const SocketAuth = z.discriminatedUnion('room', [
  z.object({ room: z.literal('hall'), token: z.string().min(1) }).strict(),
  z.object({ room: z.literal('kiosk'), token: z.string().min(1) }).strict(),
  z.object({ room: z.literal('window'), token: z.string().min(1), window: z.number().int().positive() }).strict(),
  /**
   * The phone page behind a ticket's QR code: no key, only the ticket's status token. It receives `status` (the
   * public TicketStatus) on connecting and whenever that ticket or the people ahead of it change; nothing else.
   */
  z.object({ room: z.literal('status'), statusToken: z.string().min(1) }).strict(),
  /** A locker's main process, by its device key: it receives `lockerCommands` only. */
  z.object({ room: z.literal('locker'), token: z.string().min(1) }).strict(),
]);
export type SocketAuth = z.infer<typeof SocketAuth>;

export interface ServerToClientEvents<S extends DeviceStream = StaffStream> {
  snapshot: (snapshot: S['snapshot']) => void;
  events: (envelopes: S['envelope'][]) => void;
  /** Only to `status` connections. */
  status: (status: TicketStatus) => void;
  /** To a `locker` connection: door commands to carry out (on connecting, every command still in flight). */
  lockerCommands: (commands: OpenCommand[]) => void;
}
export interface ClientToServerEvents<S extends DeviceStream = StaffStream> {
  /** Ask for a fresh snapshot (after a gap in seq). */
  resync: (ack: (snapshot: S['snapshot']) => void) => void;
}
