import type { RetrieveRequest } from '@hallq/shared/contracts';

export type LockerActionKind = 'retrieve' | 'resolve';
/** Where the item goes: the pickup window or the post (the same choice for both actions). */
export type Handover = RetrieveRequest['handover'];

/** The action the manager is confirming on one compartment. */
export interface LockerAction {
  locker: string;
  number: string;
  kind: LockerActionKind;
  handover: Handover | null;
  /** Fresh for each confirmation; kept for a retry after a network error so the server applies it once. */
  requestId: string;
  sending: boolean;
  /**
   * A request went out and no answer came back: it may have been applied, so the retry must be the same request
   * (the handover can no longer be changed).
   */
  unanswered: boolean;
  error: string | null;
}

/** The lockers themselves are in the feed (`feed.lockers`): what is here is the manager's own action on them. */
export interface LockersState {
  lockerAction: LockerAction | null;
  /** What the last accepted action means for the manager at the locker. */
  lockerNotice: string | null;
}

export const initialLockersState: LockersState = { lockerAction: null, lockerNotice: null };
