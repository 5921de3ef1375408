import { ApiError } from '@hallq/shared/client';
import type { LockerEvent, LockerView } from '@hallq/shared/contracts';
import { describeFailure } from '../../../refusals';
import { maskPhone } from '../../../view/format';
import { createRefresher } from '../../refresher';
import type { SliceCreator } from '../../types';
import { SESSION_EXPIRED } from '../session/actions';
import {
  defaultLocker,
  depositAvailability,
  depositFromDraft,
  FIELD_LABEL,
  needsLockerPoll,
  sizeRange,
} from './selectors';
import {
  type DepositDraft,
  type DepositField,
  type LockerState,
  emptyDepositDraft,
  findCompartment,
  followed,
  initialLockerState,
  isNewer,
  withCompartment,
  withLockerEvent,
} from './state';

export interface LockerActions {
  /** 存入取件柜: opens the form (at a pickup window only) and loads the lockers. */
  openDeposit(): void;
  /** Closes the form and forgets what was typed in it; not while a request is in flight. */
  closeDeposit(): void;
  editDeposit(patch: Partial<DepositDraft>): void;
  submitDeposit(): Promise<void>;
  /** 继续存入: the item is in; an empty form for the next one at the same locker. */
  depositAnother(): void;
  /** 换一个格口重试: the door failed; the same form again as a new request, so the server picks another compartment. */
  retryDeposit(): Promise<void>;
  /** GET /api/lockers (coalesced: never two at once); also the form's 「重新读取」 after a failure. */
  loadLockers(): Promise<void>;
  /** The stream's locker events, while the form is open. */
  applyLockerEvents(events: LockerEvent[]): void;
  /** A fresh snapshot's lockers, while the form is open: what it missed offline is in them. */
  applyLockerSnapshot(lockers: LockerView[]): void;
  /** On each tick: fetches the lockers every LOCKER_POLL_MS while a deposit needs them and the feed is down. */
  pollLockers(): void;
  resetLocker(): void;
}
export type LockerSlice = LockerState & LockerActions;

export const LOCKER_POLL_MS = 2000;

const DEPOSIT_NETWORK_FAILURE = '网络中断，请重试（重试不会重复存件）';

const DEPOSIT_FIELDS = Object.keys(FIELD_LABEL) as DepositField[];
const isDepositField = (path: string): path is DepositField => (DEPOSIT_FIELDS as string[]).includes(path);

export const createLockerSlice: SliceCreator<LockerSlice> = (set, get, { api, now, newRequestId }) => {
  /** The lockers as they are now, from GET /api/lockers or a snapshot; the deposit follows its compartment in them. */
  const receive = (lockers: LockerView[]) => {
    const { depositDraft, deposited } = get();
    const known = lockers.some((l) => l.id === depositDraft.locker);
    const mine = deposited && findCompartment(lockers, deposited.compartment);
    set({
      lockers,
      lockersStatus: 'loaded',
      lockersError: null,
      depositDraft: known ? depositDraft : { ...depositDraft, locker: defaultLocker(get(), lockers) },
      deposited: deposited && mine ? followed(deposited, mine) : deposited,
    });
  };

  const loadLockers = createRefresher(async () => {
    const session = get().session;
    if (!session) return;
    try {
      const { lockers } = await api.call('lockers', { token: session.token });
      if (get().session === session) receive(lockers);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized') {
        get().endSession(SESSION_EXPIRED);
        return;
      }
      // A poll that fails keeps the last list; only a form with nothing to show says so.
      if (get().lockersStatus !== 'loaded') set({ lockersStatus: 'failed', lockersError: describeFailure(error) });
    }
  });

  return {
    ...initialLockerState,

    openDeposit() {
      if (!depositAvailability(get())?.enabled || get().depositOpen || get().dialog) return;
      set({ ...initialLockerState, depositOpen: true, lockersStatus: 'loading' });
      void loadLockers();
    },

    closeDeposit() {
      if (!get().depositSending) set({ ...initialLockerState });
    },

    editDeposit(patch) {
      const { depositDraft, depositProblems, deposited, depositSending } = get();
      if (deposited || depositSending) return;
      // The clerk is fixing those fields: their old complaints go.
      const problems = { ...depositProblems };
      for (const field of Object.keys(patch) as DepositField[]) delete problems[field];
      set({ depositDraft: { ...depositDraft, ...patch }, depositProblems: problems });
    },

    async submitDeposit() {
      const { session, depositOpen, depositSending, deposited, depositDraft, depositUnconfirmed } = get();
      if (!session || !depositOpen || depositSending || deposited) return;
      const checked = depositFromDraft(depositDraft);
      if (!checked.ok) {
        set({ depositProblems: checked.problems, depositError: null });
        return;
      }
      const { locker, body } = checked;
      const key = JSON.stringify([locker, body]);
      // The same form again after a network failure: the server answers the first request if it got it, so the
      // item never gets two compartments. A changed form is a new request.
      const resend = depositUnconfirmed?.key === key;
      const requestId = resend ? depositUnconfirmed.requestId : newRequestId();
      set({
        depositSending: true,
        depositUnconfirmed: { key, requestId },
        depositProblems: {},
        depositError: null,
      });
      try {
        const answer = await api.call('deposit', {
          params: { locker },
          body: { ...body, requestId },
          token: session.token,
        });
        if (get().session !== session) return;
        // The feed may have told of the compartment before the answer came (or, for a resend, long after it).
        const known = findCompartment(get().lockers, answer.compartment);
        const compartment = known && !isNewer(known, answer.compartment) ? known : answer.compartment;
        set({
          depositSending: false,
          depositUnconfirmed: null,
          deposited: { compartment, maskedPhone: maskPhone(body.phone) },
          lockers: withCompartment(get().lockers, compartment),
          lockersPolledAt: now(),
        });
        // A resent request is answered as it was first: ask where its compartment has got to since.
        if (resend) void loadLockers();
      } catch (error) {
        if (get().session !== session) return;
        if (!(error instanceof ApiError)) {
          set({ depositSending: false, depositError: { message: DEPOSIT_NETWORK_FAILURE, detail: null } });
          return;
        }
        set({ depositSending: false, depositUnconfirmed: null });
        if (error.code === 'unauthorized') {
          get().endSession(SESSION_EXPIRED);
          return;
        }
        const depositProblems: Partial<Record<DepositField, string>> = {};
        if (error.code === 'validation_failed') {
          for (const { path, message } of error.fields) {
            if (isDepositField(path)) depositProblems[path] = `${FIELD_LABEL[path]}不符合要求：${message}`;
          }
        }
        if (Object.keys(depositProblems).length > 0) {
          set({ depositProblems });
          return;
        }
        const failure = describeFailure(error);
        const lockerName = get().lockers.find((l) => l.id === locker)?.name ?? '取件柜';
        let message = failure.message;
        if (error.code === 'no_free_compartment') message = `${lockerName}没有空闲的 ${sizeRange(body.size)}格口`;
        else if (error.code === 'forbidden') message = '只有综合出件窗口的工作人员可以存件';
        else if (error.code === 'not_found') message = `找不到${lockerName}，请重新选择`;
        set({ depositError: { ...failure, message } });
        // The counts the clerk chose by were out of date.
        if (error.code === 'no_free_compartment' || error.code === 'not_found') void loadLockers();
      }
    },

    depositAnother() {
      const { deposited, depositDraft } = get();
      if (deposited?.compartment.state !== 'occupied') return;
      set({ deposited: null, depositDraft: { ...emptyDepositDraft, locker: depositDraft.locker }, depositError: null });
    },

    async retryDeposit() {
      if (get().deposited?.compartment.state !== 'faulty') return;
      set({ deposited: null, depositUnconfirmed: null, depositError: null });
      await get().submitDeposit();
    },

    loadLockers,

    applyLockerEvents(events) {
      // The list is loaded afresh each time the form opens.
      if (!get().depositOpen) return;
      let { lockers, deposited } = get();
      for (const event of events) {
        lockers = withLockerEvent(lockers, event);
        if (deposited && event.type === 'locker.compartment') deposited = followed(deposited, event.compartment);
      }
      set({ lockers, deposited });
    },

    applyLockerSnapshot(lockers) {
      // While the form is closed there is nothing to follow: it loads the lockers afresh when it opens.
      if (get().depositOpen) receive(lockers);
    },

    pollLockers() {
      const polledAt = get().lockersPolledAt;
      if (!needsLockerPoll(get()) || (polledAt !== null && now() - polledAt < LOCKER_POLL_MS)) return;
      set({ lockersPolledAt: now() });
      void loadLockers();
    },

    resetLocker() {
      set({ ...initialLockerState });
    },
  };
};
