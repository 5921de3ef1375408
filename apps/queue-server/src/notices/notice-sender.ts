import type { HallConfig, NoticeSenderKind } from '@hallq/shared/contracts';
import type { OutgoingNotice } from '../store/notice-store';

/** The hall file's `notices` section, defaults filled in. */
export type NoticesSettings = NonNullable<HallConfig['notices']>;

/** What became of one try: handed to the network (with the modem's message reference of each part), or to the window. */
export type SendOutcome = { outcome: 'sent'; references: number[] } | { outcome: 'at_window' };

/** A delivery report for one part, by the message reference the modem gave it when it went out. */
export interface PartReport {
  reference: number;
  state: 'delivered' | 'failed';
  /** The network's words ("received by the recipient", "validity period expired"). */
  meaning: string;
}

/**
 * A try that failed, in the sender's words (shown to the manager, so never the phone or the text). `retry` says
 * whether another try may help: a network out of order may come back, an unassigned number will not.
 */
export class NoticeSendError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
    this.name = 'NoticeSendError';
  }
}

export interface SenderStatus {
  ready: boolean;
  /** Why it is not ready, or the modem's signal and network. */
  detail: string | null;
}

/** One way notices leave the hall. One at a time: the queue never calls `send` before the last one settled. */
export interface NoticeSender {
  readonly kind: NoticeSenderKind;
  /** Sends one notice; throws a NoticeSendError when it did not go out. */
  send(notice: OutgoingNotice): Promise<SendOutcome>;
  status(): Promise<SenderStatus>;
  /** Stops: a send under way is cut off (its notice stays queued), a port is released. */
  close(): Promise<void>;
}
