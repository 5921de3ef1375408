import { ApiError } from '@hallq/shared/client';
import type { PauseReason } from '@hallq/shared/domain';
import { describeFailure } from '../../../refusals';
import { type WindowActionBodies } from '../../../services/api';
import type { SliceCreator } from '../../types';
import { SESSION_EXPIRED } from '../session/actions';
import { availability, currentTicket, initialFinishDraft, outcomeFromDraft, transferFromDraft } from './selectors';
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
  resetDesk(): void;
}
export type DeskSlice = DeskState & DeskActions;

type Body<A extends DeskAction> = Omit<WindowActionBodies[A], 'requestId'>;

export const createDeskSlice: SliceCreator<DeskSlice> = (set, get, { api, newRequestId }) => {
  const run = async <A extends DeskAction>(action: A, body: Body<A>): Promise<void> => {
    const session = get().session;
    if (!session || !availability(get(), action).enabled) return;
    const ticket = currentTicket(get());
    const key = JSON.stringify([action, ticket?.id ?? null, body]);
    const previous = get().unconfirmed;
    // The same request again after a network failure: the server answers the first one if it got it.
    const requestId = previous?.key === key ? previous.requestId : newRequestId();
    set({ busy: action, unconfirmed: { action, key, requestId }, error: null, notice: null });
    try {
      const result = await api.act(session.token, session.window, action, {
        ...body,
        requestId,
      } as WindowActionBodies[A]);
      if (get().session !== session) return;
      set({ busy: null, unconfirmed: null, dialog: null });
      get().applyActionResult(result);
      if (action === 'call-next' && !result.ticket) set({ notice: '没有等候的号' });
      if (action === 'finish' || action === 'transfer') void get().loadSummary();
    } catch (error) {
      if (get().session !== session) return;
      if (!(error instanceof ApiError)) {
        set({ busy: null, error: { ...describeFailure(error), action } });
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
        error: { ...describeFailure(error, { ticket, noShowAfterCalls }), action },
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
          void run(action, {});
      }
    },

    pause(reason) {
      return run('pause', { reason });
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
      await run('finish', { outcome: outcome.value });
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
      await run('transfer', target.value);
    },

    closeDialog() {
      if (!get().busy) set({ dialog: null });
    },

    dismissError() {
      set({ error: null, notice: null });
    },

    resetDesk() {
      set({ ...initialDeskState });
    },
  };
};
