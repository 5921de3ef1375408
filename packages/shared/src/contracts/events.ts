import { z } from 'zod';
import { Ticket, TicketState } from '../domain/ticket';
import { WindowState } from '../domain/window';
import { Keypad } from '../domain/locker';
import { GuideCall } from './guide-calls';
import { CompartmentView, LockerView, type OpenCommand } from './lockers';
import { QueueInfo } from './queues';
import { FollowUp, RatingRecord, RatingRequest } from './ratings';
import type { TicketStatus } from './tickets';

/** Everything that happens in the hall, as the realtime stream carries it. */
export const HallEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.issued'), ticket: Ticket }).strict(),
  z.object({ type: z.literal('ticket.called'), ticket: Ticket, window: z.number().int() }).strict(),
  z.object({ type: z.literal('ticket.recalled'), ticket: Ticket, window: z.number().int() }).strict(),
  z.object({ type: z.literal('ticket.updated'), ticket: Ticket, previousState: TicketState }).strict(),
  z.object({ type: z.literal('window.updated'), window: WindowState }).strict(),
  z.object({ type: z.literal('queues.updated'), queues: z.array(QueueInfo) }).strict(),
  /** A window type gained (active) or lost (inactive) an empty post: people waiting, no open window serving it. */
  z.object({ type: z.literal('empty_post'), windowType: z.string(), active: z.boolean() }).strict(),
  /** A citizen pressed 呼叫导办 at a kiosk; staff screens raise an alert until someone answers it. */
  z.object({ type: z.literal('guide.called'), call: GuideCall }).strict(),
  z.object({ type: z.literal('guide.answered'), call: GuideCall }).strict(),
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
  /** In a device's stream, in place of an event for staff only: it keeps the sequence whole. */
  z.object({ type: z.literal('staff_only') }).strict(),
]);
export type HallEvent = z.infer<typeof HallEvent>;

/**
 * The stream as devices (kiosks, displays, window screens, rating pads) receive it: the same envelopes and sequence,
 * with what is for staff only (ratings' details, follow-ups and their notes) taken out.
 */
export function deviceEnvelopes(envelopes: EventEnvelope[]): EventEnvelope[] {
  if (!envelopes.some((e) => STAFF_ONLY.has(e.event.type) || e.event.type === 'rating.recorded')) return envelopes;
  return envelopes.map((e) => {
    if (STAFF_ONLY.has(e.event.type)) return { ...e, event: { type: 'staff_only' } };
    if (e.event.type === 'rating.recorded')
      return { ...e, event: { type: 'rating.ended', requestId: e.event.requestId, result: e.event.rating.result } };
    return e;
  });
}

/** Events devices never see, not even reduced: follow-ups and their notes, and the lockers. */
const STAFF_ONLY: ReadonlySet<HallEvent['type']> = new Set(['followup.updated', 'locker.compartment', 'locker.keypad']);

/**
 * Each event carries the hall-wide sequence number; every connection receives every number, so a client that sees
 * seq jump by more than one has missed something and asks for a new snapshot. Events arrive in batches: all the
 * events of the writes committed together, in order.
 */
export const EventEnvelope = z.object({ seq: z.number().int().positive(), at: z.string(), event: HallEvent }).strict();
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export const RecentCall = z
  .object({ number: z.string(), window: z.number().int(), at: z.string(), recall: z.boolean() })
  .strict();
export type RecentCall = z.infer<typeof RecentCall>;

export const Snapshot = z
  .object({
    /** The seq of the last event included in this snapshot. */
    seq: z.number().int().min(0),
    hallDay: z.string(),
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

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  events: (envelopes: EventEnvelope[]) => void;
  /** Only to `status` connections. */
  status: (status: TicketStatus) => void;
  /** To a `locker` connection: door commands to carry out (on connecting, every command still in flight). */
  lockerCommands: (commands: OpenCommand[]) => void;
}
export interface ClientToServerEvents {
  /** Ask for a fresh snapshot (after a gap in seq). */
  resync: (ack: (snapshot: Snapshot) => void) => void;
}
