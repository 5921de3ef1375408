import { z } from 'zod';
import { CompartmentSize } from '../config/hall-config';

/**
 * One compartment of a 自助取件柜, as the pure state machine sees it (the design is described at the top of
 * api/lockers.ts). The clock is always passed in; randomness and hashing stay at the server edge.
 */
export const CompartmentState = z.enum([
  'free',
  /** Reserved for a deposit; the open command is on its way to the locker. */
  'opening',
  /** Open for the clerk to put the item in. */
  'awaiting_close',
  /** Closed with the item inside; a pickup code is out. */
  'occupied',
  /** The applicant's code matched; the open command is on its way. */
  'opening_for_pickup',
  /** Open for the applicant to take the item. */
  'awaiting_pickup_close',
  /** A door command failed or timed out: out of use until staff see to it. */
  'faulty',
]);
export type CompartmentState = z.infer<typeof CompartmentState>;

/** A result handed out by locker (统一窗口出件). The phone number stays at the server edge (notice only). */
export const LockerItem = z
  .object({
    id: z.string(),
    caseNumber: z.string(),
    description: z.string(),
    /** Masked (张*): staff screens and the audit log never need the full name. */
    applicantName: z.string(),
    registeredBy: z.string(),
    registeredAt: z.string(),
    /** When the door closed on it: from then on the code is out and the overdue clock runs. */
    storedAt: z.string().nullable(),
  })
  .strict();
export type LockerItem = z.infer<typeof LockerItem>;

/** Why a door opens: a deposit, the applicant's pickup, or staff retrieving the item (overdue, or a faulty door). */
export const DoorPurpose = z.enum(['deposit', 'pickup', 'retrieve']);
export type DoorPurpose = z.infer<typeof DoorPurpose>;

/** The door command in flight; `deadline` is when the next report (opened, then closed) is due. */
export const DoorCommand = z
  .object({ id: z.string(), purpose: DoorPurpose, sentAt: z.string(), deadline: z.string() })
  .strict();
export type DoorCommand = z.infer<typeof DoorCommand>;

export const FaultReason = z.enum(['open_failed', 'open_timeout', 'close_timeout']);
export type FaultReason = z.infer<typeof FaultReason>;

export const CompartmentFault = z
  .object({
    reason: FaultReason,
    /** What the board or driver said, when it said anything. */
    detail: z.string().nullable(),
    during: DoorPurpose,
    commandId: z.string(),
    at: z.string(),
  })
  .strict();
export type CompartmentFault = z.infer<typeof CompartmentFault>;

export const Compartment = z
  .object({
    locker: z.string(),
    number: z.string(),
    size: CompartmentSize,
    state: CompartmentState,
    /** The item recorded against the compartment; a faulty one keeps it, so nothing is lost track of. */
    item: LockerItem.nullable(),
    command: DoorCommand.nullable(),
    /** The keyed hash of the pickup code while one is valid; opaque here, cleared the moment it is used. */
    codeHash: z.string().nullable(),
    fault: CompartmentFault.nullable(),
  })
  .strict();
export type Compartment = z.infer<typeof Compartment>;

export interface LockerTimeouts {
  openSeconds: number;
  closeSeconds: number;
}

export type CompartmentEvent =
  | { type: 'reserve'; item: LockerItem; commandId: string }
  | { type: 'door_opened'; commandId: string }
  | { type: 'door_open_failed'; commandId: string; detail: string | null }
  | { type: 'door_closed'; commandId: string }
  | { type: 'code_issued'; codeHash: string }
  | { type: 'collect'; codeHash: string; commandId: string }
  /** Staff take the item out: from an occupied compartment, or from a faulty one to recover what is inside. */
  | { type: 'retrieve'; commandId: string }
  /** Staff saw to a faulty compartment by hand: back in use, and its item (if any) gone to the window or post. */
  | { type: 'resolve_fault' }
  /** The pending command's deadline has passed (the edge sweeps). */
  | { type: 'timeout' };

/** What the edge must do after a transition, inside the same transaction. */
export type CompartmentEffect =
  | { type: 'send_open'; commandId: string; purpose: DoorPurpose }
  | { type: 'issue_code'; itemId: string }
  /** The door closed again after a pickup or a retrieval: the item is out. */
  | { type: 'item_collected'; itemId: string; by: 'pickup' | 'retrieve' }
  | { type: 'faulted'; fault: CompartmentFault };

export type LockerTransitionResult =
  | { ok: true; compartment: Compartment; effects: CompartmentEffect[] }
  | { ok: false; code: 'invalid_state' | 'stale_command' | 'wrong_code'; message: string };

export function freeCompartment(locker: string, number: string, size: CompartmentSize): Compartment {
  return { locker, number, size, state: 'free', item: null, command: null, codeHash: null, fault: null };
}

const plusSeconds = (now: Date, s: number) => new Date(now.getTime() + s * 1000).toISOString();

/** The states in which a door command is in flight, and so a deadline runs. */
const IN_FLIGHT: readonly CompartmentState[] = [
  'opening',
  'awaiting_close',
  'opening_for_pickup',
  'awaiting_pickup_close',
];

export function compartmentDeadline(c: Compartment): string | null {
  return IN_FLIGHT.includes(c.state) ? (c.command?.deadline ?? null) : null;
}

/** The compartment state machine: free → opening → awaiting close → occupied → opening for pickup → free. */
export function lockerTransition(
  c: Compartment,
  event: CompartmentEvent,
  now: Date,
  timeouts: LockerTimeouts,
): LockerTransitionResult {
  const at = now.toISOString();
  const refuse = (message: string, code: 'invalid_state' | 'stale_command' = 'invalid_state') =>
    ({ ok: false, code, message }) as const;
  const done = (compartment: Compartment, effects: CompartmentEffect[] = []) =>
    ({ ok: true, compartment, effects }) as const;
  const command = (id: string, purpose: DoorPurpose): DoorCommand => ({
    id,
    purpose,
    sentAt: at,
    deadline: plusSeconds(now, timeouts.openSeconds),
  });
  const fault = (reason: FaultReason, detail: string | null) => {
    const f: CompartmentFault = { reason, detail, during: c.command!.purpose, commandId: c.command!.id, at };
    // The item stays recorded: staff must find out whether it is inside.
    return done({ ...c, state: 'faulty', command: null, fault: f }, [{ type: 'faulted', fault: f }]);
  };
  // A report about a command that is no longer in flight (a retry after a timeout, a late board) changes nothing.
  const current = (commandId: string) => c.command !== null && c.command.id === commandId;

  switch (event.type) {
    case 'reserve':
      if (c.state !== 'free') return refuse(`compartment ${c.number} is ${c.state}, not free`);
      return done({ ...c, state: 'opening', item: event.item, command: command(event.commandId, 'deposit') }, [
        { type: 'send_open', commandId: event.commandId, purpose: 'deposit' },
      ]);
    case 'door_opened': {
      if (!current(event.commandId)) return refuse(`command ${event.commandId} is not in flight`, 'stale_command');
      if (c.state !== 'opening' && c.state !== 'opening_for_pickup')
        return refuse(`compartment ${c.number} is ${c.state}, not opening`);
      const next = c.state === 'opening' ? 'awaiting_close' : 'awaiting_pickup_close';
      return done({ ...c, state: next, command: { ...c.command!, deadline: plusSeconds(now, timeouts.closeSeconds) } });
    }
    case 'door_open_failed':
      if (!current(event.commandId)) return refuse(`command ${event.commandId} is not in flight`, 'stale_command');
      if (c.state !== 'opening' && c.state !== 'opening_for_pickup')
        return refuse(`compartment ${c.number} is ${c.state}, not opening`);
      return fault('open_failed', event.detail);
    case 'door_closed':
      if (!current(event.commandId)) return refuse(`command ${event.commandId} is not in flight`, 'stale_command');
      if (c.state === 'awaiting_close') {
        const item = { ...c.item!, storedAt: at };
        return done({ ...c, state: 'occupied', item, command: null }, [{ type: 'issue_code', itemId: item.id }]);
      }
      if (c.state === 'awaiting_pickup_close') {
        const by = c.command!.purpose === 'retrieve' ? 'retrieve' : 'pickup';
        return done(freeCompartment(c.locker, c.number, c.size), [{ type: 'item_collected', itemId: c.item!.id, by }]);
      }
      return refuse(`compartment ${c.number} is ${c.state}: its door was not reported open`);
    case 'code_issued':
      if (c.state !== 'occupied' || c.codeHash !== null)
        return refuse(`compartment ${c.number} is ${c.state} and ${c.codeHash ? 'has' : 'has no'} code`);
      return done({ ...c, codeHash: event.codeHash });
    case 'collect':
      if (c.state !== 'occupied') return refuse(`compartment ${c.number} is ${c.state}, not holding an item`);
      if (c.codeHash === null || c.codeHash !== event.codeHash)
        return { ok: false, code: 'wrong_code', message: 'the pickup code does not match' };
      // Single use: the code is gone the moment it opens the door, whatever happens next.
      return done({ ...c, state: 'opening_for_pickup', codeHash: null, command: command(event.commandId, 'pickup') }, [
        { type: 'send_open', commandId: event.commandId, purpose: 'pickup' },
      ]);
    case 'retrieve':
      if ((c.state !== 'occupied' && c.state !== 'faulty') || c.item === null)
        return refuse(`compartment ${c.number} is ${c.state}, with no item to retrieve`);
      // The applicant's code dies with the retrieval: the item is no longer in the locker for them.
      return done(
        {
          ...c,
          state: 'opening_for_pickup',
          codeHash: null,
          fault: null,
          command: command(event.commandId, 'retrieve'),
        },
        [{ type: 'send_open', commandId: event.commandId, purpose: 'retrieve' }],
      );
    case 'resolve_fault':
      if (c.state !== 'faulty') return refuse(`compartment ${c.number} is ${c.state}, not faulty`);
      return done(
        freeCompartment(c.locker, c.number, c.size),
        c.item ? [{ type: 'item_collected', itemId: c.item.id, by: 'retrieve' }] : [],
      );
    case 'timeout': {
      const deadline = compartmentDeadline(c);
      if (deadline === null || Date.parse(deadline) > now.getTime())
        return refuse(`compartment ${c.number} has no overdue door command`);
      const opening = c.state === 'opening' || c.state === 'opening_for_pickup';
      return fault(opening ? 'open_timeout' : 'close_timeout', null);
    }
  }
}

/** The pickup code: `digits` random decimal digits, leading zeros allowed, from the edge's secure source. */
export function newPickupCode(randomInt: (maxExclusive: number) => number, digits = 6): string {
  let code = '';
  for (let i = 0; i < digits; i++) code += String(randomInt(10));
  return code;
}

/** What the locker's QR code on the notice carries: scanning it types the code for the applicant. */
export function pickupQrPayload(locker: string, code: string): string {
  return `hallq-locker:${locker}:${code}`;
}

const PICKUP_QR = /hallq-locker:([A-Za-z0-9_-]{1,32}):(\d{6})$/;

/**
 * The code from what a keyboard-wedge scanner typed. Only the end is read: keys pressed before the scan may
 * precede it in the same burst.
 */
export function parsePickupQr(typed: string): { locker: string; code: string } | null {
  const match = PICKUP_QR.exec(typed.trim());
  return match ? { locker: match[1]!, code: match[2]! } : null;
}

/** The keypad of one locker: wrong codes in a row, and until when it is locked. */
export const Keypad = z.object({ wrongInRow: z.number().int().min(0), lockedUntil: z.string().nullable() }).strict();
export type Keypad = z.infer<typeof Keypad>;

export const OPEN_KEYPAD: Keypad = { wrongInRow: 0, lockedUntil: null };

export function keypadLocked(k: Keypad, now: Date): boolean {
  return k.lockedUntil !== null && Date.parse(k.lockedUntil) > now.getTime();
}

export interface KeypadPolicy {
  /** Wrong codes in a row before the pauses start. */
  attempts: number;
  pauseSeconds: number;
  maxPauseSeconds: number;
}

/**
 * The keypad after one code was tried. A right code clears the count. From the `attempts`-th wrong code in a row the
 * keypad pauses before it takes another (`lockedUntil`): `pauseSeconds`, doubling with each further wrong code, never
 * beyond `maxPauseSeconds`. Not a lockout: a guesser gets one code per pause, the next applicant waits one pause.
 */
export function keypadAfterAttempt(k: Keypad, right: boolean, now: Date, policy: KeypadPolicy): Keypad {
  if (right) return OPEN_KEYPAD;
  const wrongInRow = k.wrongInRow + 1;
  if (wrongInRow < policy.attempts) return { wrongInRow, lockedUntil: null };
  const doublings = Math.min(wrongInRow - policy.attempts, 30);
  const pause = Math.min(policy.pauseSeconds * 2 ** doublings, policy.maxPauseSeconds);
  return { wrongInRow, lockedUntil: new Date(now.getTime() + pause * 1000).toISOString() };
}
