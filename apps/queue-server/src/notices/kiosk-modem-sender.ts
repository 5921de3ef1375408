import type { OutgoingNotice } from '../store/notice-store';
import type { KioskAgentDesk } from './kiosk-agent-desk';
import type { NoticeSender, SendOutcome, SenderStatus } from './notice-sender';

/**
 * The 短信猫 on a kiosk's PC, where the server has no mobile signal. It does not talk to a modem: each try is offered
 * to the kiosk's notice agent through the desk, and settles with what the agent reports (or fails when it does not).
 */
export class KioskModemSender implements NoticeSender {
  readonly kind = 'kiosk' as const;

  constructor(
    private readonly desk: KioskAgentDesk,
    private readonly kiosk: string,
  ) {}

  send(notice: OutgoingNotice): Promise<SendOutcome> {
    return this.desk.send(notice, this.kiosk, this);
  }

  /** What the agent last reported of its modem: ready when it reported within the minute and the modem is registered. */
  status(): Promise<SenderStatus> {
    return Promise.resolve(this.desk.readiness(this.kiosk));
  }

  close(): Promise<void> {
    this.desk.withdraw(this);
    return Promise.resolve();
  }
}
