export interface PickupState {
  /** The pickup code typed on the keypad. */
  pickupCode: string;
}

export const initialPickupState: PickupState = { pickupCode: '' };

/** The server issues six-digit pickup codes (domain/locker newPickupCode). */
export const PICKUP_CODE_LENGTH = 6;

/** What the keypad screen says above the keypad after an attempt. */
export type PickupNotice =
  | { kind: 'wrong_code'; attemptsLeft: number }
  | { kind: 'already_collected'; collectedAt: string }
  | { kind: 'offline' }
  | { kind: 'not_pickup_qr' };

/** Why the applicant must go to the pickup window instead. */
export type PickupStaffReason = 'door_failed' | 'needs_staff' | 'out_of_service';
