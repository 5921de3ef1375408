import { ApiError } from '@hallq/shared/client';
import type { CompartmentView, LockerView } from '@hallq/shared/contracts';
import type { SliceCreator } from '../../types';
import { replaceCompartment } from './replace-compartment';
import { type Handover, type LockerActionKind, type LockersState, initialLockersState } from './state';

export interface LockersActions {
  /** Opens the confirmation step; refused while a request is in flight. */
  beginLockerAction(locker: string, number: string, kind: LockerActionKind): void;
  chooseHandover(handover: Handover): void;
  cancelLockerAction(): void;
  /** Resolves to whether the server accepted it. */
  confirmLockerAction(): Promise<boolean>;
  dismissLockerNotice(): void;
  /** Forgets the action and its notice on logout. */
  clearLockers(): void;
}
export type LockersSlice = LockersState & LockersActions;

const findCompartment = (lockers: readonly LockerView[], locker: string, number: string) =>
  lockers.find((l) => l.id === locker)?.compartments.find((c) => c.number === number);

export const createLockersSlice: SliceCreator<LockersSlice> = (set, get, { client, newRequestId }) => {
  const expired = (error: unknown) => error instanceof ApiError && error.status === 401;
  /** Logging out while a request was in flight leaves nothing for its answer to update. */
  const stillConfirming = (requestId: string) => get().lockerAction?.requestId === requestId;
  /**
   * The door the manager opened shows at once, from the answer, unless a live event has already moved the compartment
   * on (events are at least as new). The stream's own event for this change replaces it again, whole.
   */
  const answered = (compartment: CompartmentView, before: CompartmentView | undefined) => {
    const feed = get().feed;
    if (!feed || findCompartment(feed.lockers, compartment.locker, compartment.number) !== before) return;
    set({ feed: { ...feed, lockers: replaceCompartment(feed.lockers, compartment) } });
  };

  return {
    ...initialLockersState,

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
      const before = findCompartment(get().feed?.lockers ?? [], locker, number);
      set({ lockerAction: { ...action, sending: true, error: null } });
      try {
        const input = { token, params: { locker, number }, body: { requestId, handover } };
        const { compartment } = await client.call(kind === 'retrieve' ? 'retrieve' : 'resolveFault', input);
        if (!stillConfirming(requestId)) return false;
        const name = get().feed?.lockers.find((l) => l.id === locker)?.name ?? locker;
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
      set(initialLockersState);
    },
  };
};
