import { openSmsModem, smsSendFailure, type SmsModem } from '@hallq/devices';
import type { OutgoingNotice } from '../store/notice-store';
import {
  NoticeSendError,
  type NoticeSender,
  type NoticesSettings,
  type PartReport,
  type SendOutcome,
  type SenderStatus,
} from './notice-sender';

type ModemConfig = NonNullable<NoticesSettings['modem']>;

const REOPEN_FIRST_MS = 1000;
const REOPEN_MAX_MS = 60_000;

export interface ModemSenderOptions {
  config: ModemConfig;
  /** Where the network's delivery reports go (matched to notices by their message reference). */
  onReport: (report: PartReport) => void;
  now: () => number;
  /** How the modem is opened (the driver's `openSmsModem` unless a test says). */
  open?: typeof openSmsModem;
}

/**
 * The 短信猫 on the server PC. The port is opened on first use and again after it went away (a USB modem unplugged, a
 * modem that stopped answering), waiting longer after each failed opening; a send and a status query never overlap
 * on the line.
 */
export class ModemSender implements NoticeSender {
  readonly kind = 'modem' as const;
  private modem: SmsModem | undefined;
  private opening: Promise<SmsModem> | undefined;
  private reopenAt = 0;
  private reopenWaitMs = REOPEN_FIRST_MS;
  private lastProblem: string | null = null;
  private line: Promise<unknown> = Promise.resolve();
  private busy = false;
  private closed = false;
  private lastStatus: SenderStatus = { ready: false, detail: '尚未连接短信猫' };

  constructor(private readonly options: ModemSenderOptions) {}

  send(notice: OutgoingNotice): Promise<SendOutcome> {
    return this.exclusive(async () => {
      const modem = await this.connected();
      try {
        const sent = await modem.send({
          to: notice.phone,
          text: notice.text,
          deliveryReport: this.options.config.deliveryReports,
        });
        this.lastProblem = null;
        return { outcome: 'sent' as const, references: sent.references };
      } catch (error) {
        throw await this.sendFailure(error);
      }
    });
  }

  /** The signal and the network, asked of the modem when it is idle; what was last known while it sends. */
  async status(): Promise<SenderStatus> {
    if (this.busy) return this.lastStatus;
    return this.exclusive(async () => {
      try {
        const modem = await this.connected();
        const [signal, registration] = [await modem.signal(), await modem.registration()];
        const network = registration.registered ? '已注册' : `未注册（${registration.state}）`;
        this.lastStatus = {
          ready: registration.registered,
          detail: `信号 ${signal.rssi ?? '?'}/31，${network}`,
        };
      } catch (error) {
        const failure = await this.sendFailure(error);
        this.lastStatus = { ready: false, detail: failure.message };
      }
      return this.lastStatus;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    // The port closed under a send fails it at once (its notice stays pending), rather than after the network's minute.
    await this.drop();
    await this.line;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.line.then(async () => {
      this.busy = true;
      try {
        return await work();
      } finally {
        this.busy = false;
      }
    });
    this.line = run.catch(() => undefined);
    return run;
  }

  private async connected(): Promise<SmsModem> {
    if (this.modem) return this.modem;
    if (this.closed) throw new NoticeSendError('the sender is closing', true);
    const wait = this.reopenAt - this.options.now();
    if (wait > 0)
      throw new NoticeSendError(
        `${this.lastProblem ?? 'the modem is not open'}; opening it again in ${Math.ceil(wait / 1000)} s`,
        true,
      );
    const { path, baudRate } = this.options.config;
    try {
      this.opening ??= (this.options.open ?? openSmsModem)({ path, baudRate });
      const modem = await this.opening;
      modem.on('deliveryReport', (r) => {
        if (r.state === 'pending') return;
        this.options.onReport({ reference: r.messageReference, state: r.state, meaning: r.meaning });
      });
      this.modem = modem;
      this.reopenWaitMs = REOPEN_FIRST_MS;
      return modem;
    } catch (error) {
      this.reopenAt = this.options.now() + this.reopenWaitMs;
      this.reopenWaitMs = Math.min(this.reopenWaitMs * 2, REOPEN_MAX_MS);
      this.lastProblem = `cannot open the modem: ${(error as Error).message}`;
      throw new NoticeSendError(this.lastProblem, true);
    } finally {
      this.opening = undefined;
    }
  }

  /** The driver's error as a try's outcome; a port gone or a modem gone silent is closed, to be opened afresh. */
  private async sendFailure(error: unknown): Promise<NoticeSendError> {
    if (error instanceof NoticeSendError) return error;
    const failure = smsSendFailure(error);
    if (failure.lineLost) {
      this.reopenAt = this.options.now() + this.reopenWaitMs;
      await this.drop();
    }
    if (failure.ofModem) this.lastProblem = failure.message;
    return new NoticeSendError(failure.message, failure.retry);
  }

  private async drop(): Promise<void> {
    const modem = this.modem;
    this.modem = undefined;
    await modem?.close().catch(() => undefined);
  }
}
