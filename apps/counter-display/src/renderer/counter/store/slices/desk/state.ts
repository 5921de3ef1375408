import { QueuePolicy, type WindowActionName } from '@hallq/shared/contracts';
import { type Outcome, type PauseReason } from '@hallq/shared/domain';
import { PAUSE_REASON_LABEL } from '@hallq/shared/i18n';
import type { FailureText } from '../../../refusals';

export type DeskAction = WindowActionName;

export interface TransferDraft {
  /** One of the two: a window type, or one window. */
  toWindowType: string | null;
  toWindow: number | null;
  note: string;
}

export interface FinishDraft {
  kind: Outcome['kind'];
  /** 受理: YYYY-MM-DD, prefilled from the service item's promised working days. */
  promisedDate: string;
  caseNumber: string;
  /** 一次性告知: the item's materials ticked as missing, and anything else in the clerk's words (one a line). */
  materials: string[];
  otherMaterials: string;
  /** 不予受理, and where to apply instead (optional). */
  reason: string;
  referTo: string;
  /** 转交. */
  transfer: TransferDraft;
  /**
   * The service items handled (事项办件量), as the clerk confirms them: the kiosk's item to begin with. Not sent with a
   * 转交, which serves no item at this window.
   */
  servedItems: string[];
}

export type Dialog =
  | { name: 'finish'; draft: FinishDraft; problem: string | null }
  | { name: 'transfer'; draft: TransferDraft; problem: string | null }
  | { name: 'pause' };

/**
 * The panel's own action, answered by the server but not yet seen on the event stream. What the action did is shown
 * from the stream alone, so until it arrives the buttons stay busy rather than offer the state before the action.
 */
export interface Awaited {
  /** The window as the answer left it (deskView): the stream has caught up once the feed shows the same. */
  shows: string;
  /** Epoch ms after which the panel goes by the feed as it is (another post acted meanwhile, say). */
  until: number;
}

/** A request sent but not confirmed (the network failed): pressing the same thing again resends it as is. */
export interface Unconfirmed {
  action: DeskAction;
  /** The action, the ticket and the body, so a changed request gets a new id. */
  key: string;
  requestId: string;
}

export interface DeskState {
  /** The window action in flight or awaited: one at a time, and every action button is disabled meanwhile. */
  busy: DeskAction | null;
  awaited: Awaited | null;
  unconfirmed: Unconfirmed | null;
  error: (FailureText & { action: DeskAction }) | null;
  /** A short confirmation of what just happened (e.g. callNext found nobody). */
  notice: string | null;
  dialog: Dialog | null;
  /**
   * policy.noShowAfterCalls, from GET /api/hall; until the hall is loaded, the contract's default. Raised when the
   * server refuses a no-show with not_enough_calls (a hall file changed since).
   */
  noShowAfterCalls: number;
}

/** The contract's default policy: the panel knows only noShowAfterCalls of its hall's (GET /api/hall). */
export const DEFAULT_POLICY: QueuePolicy = QueuePolicy.parse({});

export const emptyTransfer: TransferDraft = { toWindowType: null, toWindow: null, note: '' };

export const initialDeskState: DeskState = {
  busy: null,
  awaited: null,
  unconfirmed: null,
  error: null,
  notice: null,
  dialog: null,
  noShowAfterCalls: DEFAULT_POLICY.noShowAfterCalls,
};

export const PAUSE_REASONS: readonly { reason: PauseReason; label: string }[] = (
  ['lunch', 'meeting', 'away', 'other'] as const
).map((reason) => ({ reason, label: PAUSE_REASON_LABEL[reason] }));
