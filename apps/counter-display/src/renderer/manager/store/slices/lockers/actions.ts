import { ApiError } from '@hallq/shared/client';
import { type CompartmentView, type LockerEvent } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { applyLockerEvents } from './apply-events';
import { type Handover, type LockerActionKind, type LockersState, initialLockersState } from './state';

export interface LockersActions {
  /** On entering the view and on every (re)connect: locker events carry no sequence, so a gap is only healed so. */
  loadLockers(): Promise<void>;
  lockerEventsArrived(events: LockerEvent[]): void;
  /** Opens the confirmation step; refused while a request is in flight. */
  beginLockerAction(locker: string, number: string, kind: LockerActionKind): void;
  chooseHandover(handover: Handover): void;
  cancelLockerAction(): void;
  /** Resolves to whether the server accepted it. */
  confirmLockerAction(): Promise<boolean>;
  dismissLockerNotice(): void;
  /** Forgets everything on logout. */
  clearLockers(): void;
}
export type LockersSlice = LockersState & LockersActions;

const findCompartment = (state: LockersState, locker: string, number: string) =>
  state.lockers.find((l) => l.id === locker)?.compartments.find((c) => c.number === number);

export const createLockersSlice: SliceCreator<LockersSlice> = (set, get, { api, newRequestId }) => {
  /** Only the latest load's answer counts; logging out invalidates every load in flight. */
  let generation = 0;
  /**
   * Events that arrive while a load is in flight: the answer may predate them, so they are applied again on top of it
   * (each replaces a whole compartment, so replaying one the answer already has changes nothing).
   */
  let arrivedDuringLoad: LockerEvent[] | null = null;

  const expired = (error: unknown) => error instanceof ApiError && error.status === 401;
  /** Logging out while a request was in flight leaves nothing for its answer to update. */
  const stillConfirming = (requestId: string) => get().lockerAction?.requestId === requestId;
  /** The answer's compartment, unless a live event has already moved it on (events are at least as new). */
  const answered = (compartment: CompartmentView, before: CompartmentView | undefined) => {
    if (findCompartment(get(), compartment.locker, compartment.number) !== before) return;
    set({ lockers: applyLockerEvents(get().lockers, [{ type: 'locker.compartment', compartment }]) });
  };

  return {
    ...initialLockersState,

    async loadLockers() {
      const token = get().session?.token;
      if (!token) return;
      const mine = ++generation;
      arrivedDuringLoad = [];
      set({ lockersStatus: 'loading' });
      try {
        const { lockers } = await api.lockers(token);
        if (mine !== generation) return;
        set({ lockers: applyLockerEvents(lockers, arrivedDuringLoad), lockersStatus: 'loaded' });
      } catch (error) {
        if (mine !== generation) return;
        if (expired(error)) get().endSession('登录已过期，请重新登录');
        else set({ lockersStatus: 'failed' });
      } finally {
        if (mine === generation) arrivedDuringLoad = null;
      }
    },

    lockerEventsArrived(events) {
      arrivedDuringLoad?.push(...events);
      set({ lockers: applyLockerEvents(get().lockers, events) });
      // A door closing on a deposit writes a notice; an item leaving erases it.
      if (events.some((e) => e.type === 'locker.compartment' && ['occupied', 'free'].includes(e.compartment.state)))
        get().refreshOutbox();
    },

    beginLockerAction(locker, number, kind) {
      if (get().lockerAction?.sending) return;
      set({
        lockerAction: {
          locker,
          number,
          kind,
          handover: null,
          requestId: newRequestId(),
          sending: false,
          unanswered: false,
          error: null,
        },
        lockerNotice: null,
      });
    },

    chooseHandover(handover) {
      const action = get().lockerAction;
      if (!action || action.sending || action.unanswered) return;
      set({ lockerAction: { ...action, handover } });
    },

    cancelLockerAction() {
      if (!get().lockerAction?.sending) set({ lockerAction: null });
    },

    async confirmLockerAction() {
      const token = get().session?.token;
      const action = get().lockerAction;
      if (!token || !action || action.sending || action.handover === null) return false;
      const { locker, number, kind, handover, requestId } = action;
      const before = findCompartment(get(), locker, number);
      set({ lockerAction: { ...action, sending: true, error: null } });
      try {
        const body = { requestId, handover };
        const { compartment } =
          kind === 'retrieve'
            ? await api.retrieve(token, locker, number, body)
            : await api.resolveFault(token, locker, number, body);
        if (!stillConfirming(requestId)) return false;
        const name = get().lockers.find((l) => l.id === locker)?.name ?? locker;
        set({
          lockerAction: null,
          lockerNotice:
            kind === 'retrieve'
              ? `${name} ${number}号格口柜门正在打开：请取出物品，然后关好柜门。`
              : `${name} ${number}号格口已恢复使用。`,
        });
        answered(compartment, before);
        return true;
      } catch (error) {
        if (!stillConfirming(requestId)) return false;
        if (expired(error)) {
          get().endSession('登录已过期，请重新登录');
          return false;
        }
        // A refusal is final for its request: another attempt is a new request.
        set({
          lockerAction:
            error instanceof ApiError
              ? { ...action, requestId: newRequestId(), unanswered: false, error: error.message }
              : { ...action, unanswered: true, error: '网络错误，操作可能未送达，请重试' },
        });
        return false;
      }
    },

    dismissLockerNotice() {
      set({ lockerNotice: null });
    },

    clearLockers() {
      generation++;
      arrivedDuringLoad = null;
      set(initialLockersState);
    },
  };
};
