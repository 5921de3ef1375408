import { ApiError } from '@hallq/shared/client';
import type { WindowAction } from '@hallq/shared/contracts';
import type { PauseReason } from '@hallq/shared/domain';
import { describeFailure } from '../../../refusals';
import { sendWindowAction } from '../../../services/client';
import type { SliceCreator } from '../../types';
import { SESSION_EXPIRED } from '../session/actions';
import {
  answerView,
  availability,
  currentTicket,
  feedView,
  initialFinishDraft,
  outcomeFromDraft,
  transferFromDraft,
} from './selectors';
import {
  type DeskAction,
  type DeskState,
  type FinishDraft,
  type TransferDraft,
  emptyTransfer,
  initialDeskState,
} from './state';

export interface DeskActions {
  /**
   * A button or its shortcut: the simple actions are sent at once, finish / transfer / pause open their form.
   * Does nothing when the action is not available (offline, busy, wrong state), so a double press sends once.
   */
  press(action: DeskAction): void;
  pause(reason: PauseReason): Promise<void>;
  editFinish(patch: Partial<FinishDraft>): void;
  confirmFinish(): Promise<void>;
  /** Edits the transfer target of the open form (the transfer form, or the finish form's 转交). */
  editTransfer(patch: Partial<TransferDraft>): void;
  confirmTransfer(): Promise<void>;
  closeDialog(): void;
  dismissError(): void;
  /**
   * The feed moved (events, a snapshot) or the clock ticked: ends the wait for an answered action once the feed shows
   * what its answer said, or once it has waited AWAIT_FEED_MS.
   */
  followFeed(): void;
  resetDesk(): void;
}
export type DeskSlice = DeskState & DeskActions;

/** The stream brings an action's events within milliseconds of its answer; past this something else moved on. */
export const AWAIT_FEED_MS = 3000;

export const createDeskSlice: SliceCreator<DeskSlice> = (set, get, { api, now, newRequestId }) => {
  const run = async (action: WindowAction): Promise<void> => {
    const session = get().session;
    if (!session || !availability(get(), action.type).enabled) return;
    const ticket = currentTicket(get());
    const key = JSON.stringify([action, ticket?.id ?? null]);
    const previous = get().unconfirmed;
    // The same request again after a network failure: the server answers the first one if it got it.
    const requestId = previous?.key === key ? previous.requestId : newRequestId();
    set({ busy: action.type, unconfirmed: { action: action.type, key, requestId }, error: null, notice: null });
    try {
      const answer = await sendWindowAction(api, session, action, requestId);
      if (get().session !== session) return;
      // The answer only confirms: what the action did reaches the panel on the stream, like every other change.
      set({ unconfirmed: null, dialog: null, awaited: { shows: answerView(answer), until: now() + AWAIT_FEED_MS } });
      get().followFeed();
      if (action.type === 'callNext' && !answer.ticket) set({ notice: '没有等候的号' });
      if (action.type === 'finish' || action.type === 'transfer') void get().loadSummary();
    } catch (error) {
      if (get().session !== session) return;
      if (!(error instanceof ApiError)) {
        set({ busy: null, error: { ...describeFailure(error), action: action.type } });
        return;
      }
      if (error.code === 'unauthorized') {
        get().endSession(SESSION_EXPIRED);
        return;
      }
      // The hall may need more calls than the panel assumed: learn it from the refusal.
      const noShowAfterCalls =
        error.code === 'not_enough_calls' && ticket
          ? Math.max(get().noShowAfterCalls, ticket.calls + 1)
          : get().noShowAfterCalls;
      set({
        busy: null,
        unconfirmed: null,
        noShowAfterCalls,
        error: { ...describeFailure(error, { ticket, noShowAfterCalls }), action: action.type },
      });
    }
  };

  const openFinish = () => {
    const { hall, feed } = get();
    const ticket = currentTicket(get());
    if (!hall || !feed || !ticket) return;
    set({ dialog: { name: 'finish', draft: initialFinishDraft(hall, feed.hallDay, ticket), problem: null } });
  };

  return {
    ...initialDeskState,

    press(action) {
      if (!availability(get(), action).enabled) return;
      if (get().dialog || get().depositOpen) return;
      switch (action) {
        case 'finish':
          openFinish();
          return;
        case 'transfer':
          set({ dialog: { name: 'transfer', draft: emptyTransfer, problem: null } });
          return;
        case 'pause':
          set({ dialog: { name: 'pause' } });
          return;
        default:
          void run({ type: action });
      }
    },

    pause(reason) {
      return run({ type: 'pause', reason });
    },

    editFinish(patch) {
      const dialog = get().dialog;
      if (dialog?.name !== 'finish') return;
      set({ dialog: { ...dialog, draft: { ...dialog.draft, ...patch }, problem: null } });
    },

    async confirmFinish() {
      const { dialog, feed } = get();
      if (dialog?.name !== 'finish' || !feed) return;
      const outcome = outcomeFromDraft(dialog.draft, feed.hallDay);
      if (!outcome.ok) {
        set({ dialog: { ...dialog, problem: outcome.problem } });
        return;
      }
      const { servedItems } = dialog.draft;
      await run({
        type: 'finish',
        outcome: outcome.value,
        ...(outcome.value.kind !== 'transferred' && { servedItems }),
      });
    },

    editTransfer(patch) {
      const dialog = get().dialog;
      if (dialog?.name === 'transfer') {
        set({ dialog: { ...dialog, draft: { ...dialog.draft, ...patch }, problem: null } });
      } else if (dialog?.name === 'finish') {
        const draft = { ...dialog.draft, transfer: { ...dialog.draft.transfer, ...patch } };
        set({ dialog: { ...dialog, draft, problem: null } });
      }
    },

    async confirmTransfer() {
      const dialog = get().dialog;
      if (dialog?.name !== 'transfer') return;
      const target = transferFromDraft(dialog.draft);
      if (!target.ok) {
        set({ dialog: { ...dialog, problem: target.problem } });
        return;
      }
      await run({ type: 'transfer', ...target.value });
    },

    closeDialog() {
      if (!get().busy) set({ dialog: null });
    },

    dismissError() {
      set({ error: null, notice: null });
    },

    followFeed() {
      const { awaited } = get();
      if (awaited && (feedView(get()) === awaited.shows || now() >= awaited.until)) set({ busy: null, awaited: null });
    },

    resetDesk() {
      set({ ...initialDeskState });
    },
  };
};
