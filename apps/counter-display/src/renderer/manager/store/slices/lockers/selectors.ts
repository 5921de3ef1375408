import type { HallFeed } from '@hallq/shared/client';
import { CompartmentSize, type CompartmentView, type LockerView } from '@hallq/shared/contracts';
import {
  keypadLocked,
  type CompartmentState,
  type DoorPurpose,
  type FaultReason,
  type Keypad,
} from '@hallq/shared/domain';

export const COMPARTMENT_STATE_LABEL: Record<CompartmentState, string> = {
  free: '空闲',
  opening: '正在开门(存件)',
  awaiting_close: '等待关门(存件)',
  occupied: '待取件',
  opening_for_pickup: '正在开门(取件)',
  awaiting_pickup_close: '等待关门(取件)',
  faulty: '故障',
};

export const FAULT_REASON_LABEL: Record<FaultReason, string> = {
  open_failed: '柜门未能打开',
  open_timeout: '开门无响应',
  close_timeout: '柜门未关闭',
};

export const DOOR_PURPOSE_LABEL: Record<DoorPurpose, string> = {
  deposit: '存件',
  pickup: '取件',
  retrieve: '工作人员取出',
};

const NO_LOCKERS: readonly LockerView[] = [];

/** Every locker as the staff feed keeps it; none before the first snapshot (the same empty list, for React). */
export const feedLockers = (state: { feed: HallFeed | null }): readonly LockerView[] =>
  state.feed?.lockers ?? NO_LOCKERS;

export const SIZE_LABEL: Record<CompartmentSize, string> = { S: '小格', M: '中格', L: '大格' };

/** A retrieval opens the door on an item still recorded against the compartment. */
export const canRetrieve = (c: CompartmentView) => (c.state === 'occupied' || c.state === 'faulty') && c.item !== null;
export const canResolve = (c: CompartmentView) => c.state === 'faulty';

export interface LockerSummary {
  /** Per size the locker has, smallest first: a size it lacks is not "0 free". */
  free: { size: CompartmentSize; count: number }[];
  occupied: number;
  overdue: number;
  faulty: number;
}

export function lockerSummary(locker: LockerView): LockerSummary {
  const count = (keep: (c: CompartmentView) => boolean) => locker.compartments.filter(keep).length;
  return {
    free: CompartmentSize.options
      .filter((size) => locker.compartments.some((c) => c.size === size))
      .map((size) => ({ size, count: count((c) => c.size === size && c.state === 'free') })),
    occupied: count((c) => c.state === 'occupied'),
    overdue: count((c) => c.overdue),
    faulty: count((c) => c.state === 'faulty'),
  };
}

export interface AttentionItem {
  locker: LockerView;
  compartment: CompartmentView;
}

/** Faulty compartments first (out of use), then overdue items; the longest-standing first in each. */
export function needsAttention(lockers: readonly LockerView[]): AttentionItem[] {
  const since = ({ compartment: c }: AttentionItem) => c.fault?.at ?? c.item?.storedAt ?? c.item?.registeredAt ?? '';
  const items = lockers.flatMap((locker) =>
    locker.compartments
      .filter((c) => c.state === 'faulty' || c.overdue)
      .map((compartment) => ({ locker, compartment })),
  );
  const faulty = (i: AttentionItem) => (i.compartment.state === 'faulty' ? 0 : 1);
  return items.sort((a, b) => faulty(a) - faulty(b) || since(a).localeCompare(since(b)));
}

export type KeypadStatus = { kind: 'locked'; until: string } | { kind: 'wrong'; count: number } | { kind: 'ok' };

/** A lockout past its time is over: no event says so (one comes only when a right code opens the keypad). */
export function keypadStatus(keypad: Keypad, now: Date): KeypadStatus {
  if (keypad.lockedUntil !== null && keypadLocked(keypad, now)) return { kind: 'locked', until: keypad.lockedUntil };
  return keypad.wrongInRow > 0 ? { kind: 'wrong', count: keypad.wrongInRow } : { kind: 'ok' };
}
