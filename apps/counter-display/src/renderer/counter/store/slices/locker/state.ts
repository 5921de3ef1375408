import type { CompartmentSize, CompartmentView, LockerEvent, LockerView } from '@hallq/shared/contracts';
import type { CompartmentState } from '@hallq/shared/domain';
import type { FailureText } from '../../../refusals';

/** The form's fields, named as DepositRequest names them (so a server's field error lands on the same one). */
export type DepositField = 'locker' | 'caseNumber' | 'description' | 'applicantName' | 'phone' | 'size';

export interface DepositDraft {
  locker: string | null;
  caseNumber: string;
  /** 材料/证照名称: 营业执照, 不动产权证书 … */
  description: string;
  /** As the clerk typed it: only its masked form (张*) is ever sent. */
  applicantName: string;
  phone: string;
  /** No default: the clerk judges what fits. */
  size: CompartmentSize | null;
}

/** The compartment the server reserved for this deposit, followed until the item is in or the door failed. */
export interface Deposited {
  compartment: CompartmentView;
  /** Where the pickup code went, as the clerk is shown it: 138****5678. */
  maskedPhone: string;
}

export interface LockerState {
  /** The 「存入取件柜」 form is open. */
  depositOpen: boolean;
  /** GET /api/lockers when the form opens, kept current by the stream's locker events and snapshots while it is. */
  lockers: LockerView[];
  lockersStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** Why the form has no lockers to show (a failed poll keeps the last list and says nothing). */
  lockersError: FailureText | null;
  depositDraft: DepositDraft;
  /** What is wrong with each field, found here or by the server. */
  depositProblems: Partial<Record<DepositField, string>>;
  depositError: FailureText | null;
  /** The deposit request in flight: one at a time. */
  depositSending: boolean;
  /** Sent but not confirmed (the network failed): submitting the same form again resends its requestId. */
  depositUnconfirmed: { key: string; requestId: string } | null;
  deposited: Deposited | null;
  /** When the lockers were last fetched for the fallback poll (epoch ms). */
  lockersPolledAt: number | null;
}

export const emptyDepositDraft: DepositDraft = {
  locker: null,
  caseNumber: '',
  description: '',
  applicantName: '',
  phone: '',
  size: null,
};

export const initialLockerState: LockerState = {
  depositOpen: false,
  lockers: [],
  lockersStatus: 'idle',
  lockersError: null,
  depositDraft: emptyDepositDraft,
  depositProblems: {},
  depositError: null,
  depositSending: false,
  depositUnconfirmed: null,
  deposited: null,
  lockersPolledAt: null,
};

/** A deposit's compartment stops here: the item is in, or the compartment is out of use. */
export const isSettled = (state: CompartmentState): boolean => state === 'occupied' || state === 'faulty';

/** How far a deposit has got; later states of the same item (a pickup) come after all of these. */
function stage(state: CompartmentState): number {
  switch (state) {
    case 'opening':
      return 0;
    case 'awaiting_close':
      return 1;
    case 'occupied':
    case 'faulty':
      return 2;
    default:
      return 3;
  }
}

/**
 * Whether `incoming` may replace `current` for the same compartment. An answer can be older than an event already
 * applied (the deposit's answer, a resent request's stored answer, a poll overtaken by the feed): for the same item it
 * never moves the compartment back.
 */
export function isNewer(current: CompartmentView, incoming: CompartmentView): boolean {
  const sameItem = current.item !== null && current.item.id === incoming.item?.id;
  return !sameItem || stage(incoming.state) >= stage(current.state);
}

const sameCompartment = (a: CompartmentView, b: CompartmentView) => a.locker === b.locker && a.number === b.number;

/** The lockers with one compartment replaced, unless what they hold is newer. */
export function withCompartment(lockers: LockerView[], c: CompartmentView): LockerView[] {
  return lockers.map((l) =>
    l.id !== c.locker
      ? l
      : { ...l, compartments: l.compartments.map((old) => (sameCompartment(old, c) && isNewer(old, c) ? c : old)) },
  );
}

export function findCompartment(lockers: LockerView[], c: CompartmentView): CompartmentView | undefined {
  return lockers.find((l) => l.id === c.locker)?.compartments.find((old) => sameCompartment(old, c));
}

/** The deposit after a newer view of some compartment: only its own compartment and item move it, until it settles. */
export function followed(deposited: Deposited, c: CompartmentView): Deposited {
  const current = deposited.compartment;
  if (!sameCompartment(current, c) || c.item?.id !== current.item?.id || isSettled(current.state)) return deposited;
  return isNewer(current, c) ? { ...deposited, compartment: c } : deposited;
}

/**
 * The lockers after a live event. The socket delivers changes in commit order, so an event always replaces what is
 * known (a compartment may go faulty from any state: there is no order of states to check it against).
 */
export function withLockerEvent(lockers: LockerView[], event: LockerEvent): LockerView[] {
  switch (event.type) {
    case 'locker.compartment': {
      const c = event.compartment;
      return lockers.map((l) =>
        l.id !== c.locker
          ? l
          : { ...l, compartments: l.compartments.map((old) => (sameCompartment(old, c) ? c : old)) },
      );
    }
    case 'locker.keypad':
      return lockers.map((l) => (l.id === event.locker ? { ...l, keypad: event.keypad } : l));
  }
}
