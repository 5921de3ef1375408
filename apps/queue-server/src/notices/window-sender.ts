import type { NoticeSender, SendOutcome, SenderStatus } from './notice-sender';

/**
 * The hall without a modem or a gateway: nothing is sent, each notice waits for the window, whose clerk phones the
 * citizen (the manager console lists them) and marks it relayed.
 */
export class WindowSender implements NoticeSender {
  readonly kind = 'window' as const;

  send(): Promise<SendOutcome> {
    return Promise.resolve({ outcome: 'at_window' });
  }

  status(): Promise<SenderStatus> {
    return Promise.resolve({ ready: true, detail: '由窗口人员电话转达' });
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
