import type { DoorStage, PickupResult } from '../../../../bridge/kiosk-bridge';
import type { SliceCreator } from '../../types';
import { initialPickupState, PICKUP_CODE_LENGTH, type PickupState } from './state';

export interface PickupActions {
  openPickup(): void;
  pressPickupDigit(digit: string): void;
  deletePickupDigit(): void;
  submitPickupCode(): Promise<void>;
  /** A pickup notice's QR code read by the scanner: its code, as if typed. */
  collectScanned(code: string): Promise<void>;
  /** Something that is not a pickup QR code was scanned. */
  scannedOther(): void;
}
export type PickupSlice = PickupState & PickupActions;

/** One wait on the door; the renderer asks again until the door has moved on. */
export const DOOR_WAIT_MS = 10_000;
/** A door not open this long after the code was accepted is treated as stuck (the server's open timeout is 15 s). */
export const DOOR_OPEN_GIVE_UP_MS = 20_000;
/** How long the closing screens stay before the kiosk goes home by itself. */
export const PICKUP_DONE_MS = 15_000;
export const PICKUP_STAFF_MS = 60_000;

export const createPickupSlice: SliceCreator<PickupSlice> = (set, get, { bridge, now }) => {
  /** Follows the opened door until the applicant has closed it, or it turns out not to open. */
  const followDoor = async (commandId: string, compartment: string) => {
    const acceptedAt = now();
    // The applicant may have gone home (the 首页 button): the door is still followed by the main process, not here.
    const stillHere = () => {
      const screen = get().screen;
      return screen.name === 'pickup-door' && screen.compartment === compartment;
    };
    let stage: DoorStage = 'pending';
    for (;;) {
      let next: DoorStage;
      try {
        next = await bridge!.doorStage(commandId, stage, DOOR_WAIT_MS);
      } catch {
        next = 'failed';
      }
      if (!stillHere()) return;
      if (next === 'open' && stage !== 'open') set({ screen: { name: 'pickup-door', compartment, stage: 'open' } });
      if (next === 'closed') {
        set({ screen: { name: 'pickup-done', compartment }, returnHomeAt: now() + PICKUP_DONE_MS });
        return;
      }
      if (next === 'failed' || (next === 'pending' && now() - acceptedAt >= DOOR_OPEN_GIVE_UP_MS)) {
        set({
          screen: { name: 'pickup-staff', reason: 'door_failed', compartment },
          returnHomeAt: now() + PICKUP_STAFF_MS,
        });
        return;
      }
      stage = next;
    }
  };

  const collect = async (code: string) => {
    if (!bridge) return;
    set({ screen: { name: 'busy', task: 'checking_code' } });
    let result: PickupResult;
    try {
      result = await bridge.collectPickup(code);
    } catch {
      result = { result: 'out_of_service' };
    }
    switch (result.result) {
      case 'opening':
        set({ pickupCode: '', screen: { name: 'pickup-door', compartment: result.compartment, stage: 'pending' } });
        await followDoor(result.commandId, result.compartment);
        return;
      case 'wrong_code':
        set({
          pickupCode: '',
          screen: { name: 'pickup', notice: { kind: 'wrong_code', attemptsLeft: result.attemptsLeft } },
        });
        return;
      case 'already_collected':
        set({
          pickupCode: '',
          screen: { name: 'pickup', notice: { kind: 'already_collected', collectedAt: result.collectedAt } },
        });
        return;
      case 'offline':
        // The code was not used: it stays on the keypad for another try.
        set({ pickupCode: code, screen: { name: 'pickup', notice: { kind: 'offline' } } });
        return;
      case 'locked_out':
        set({ pickupCode: '', screen: { name: 'pickup-locked', until: result.until } });
        return;
      case 'needs_staff':
      case 'out_of_service':
        set({
          pickupCode: '',
          screen: { name: 'pickup-staff', reason: result.result, compartment: null },
          returnHomeAt: now() + PICKUP_STAFF_MS,
        });
        return;
    }
  };

  return {
    ...initialPickupState,

    openPickup() {
      set({ pickupCode: '', screen: { name: 'pickup', notice: null } });
    },

    pressPickupDigit(digit) {
      const code = get().pickupCode;
      if (/^\d$/.test(digit) && code.length < PICKUP_CODE_LENGTH) set({ pickupCode: code + digit });
    },

    deletePickupDigit() {
      set({ pickupCode: get().pickupCode.slice(0, -1) });
    },

    async submitPickupCode() {
      const code = get().pickupCode;
      if (code.length === PICKUP_CODE_LENGTH) await collect(code);
    },

    async collectScanned(code) {
      if (!canScan(get().screen.name)) return;
      set({ pickupCode: '' });
      await collect(code);
    },

    scannedOther() {
      if (canScan(get().screen.name))
        set({ pickupCode: '', screen: { name: 'pickup', notice: { kind: 'not_pickup_qr' } } });
    },
  };
};

/** A scan counts where an applicant may start a pickup: not over a ticket being taken or a door being followed. */
function canScan(screen: string): boolean {
  return screen === 'home' || screen === 'pickup' || screen === 'pickup-locked';
}
