import type {
  ClaimedNotice,
  HallConfig,
  NoticeAgentStatus,
  NoticeReportsRequest,
  NoticeResultRequest,
} from '@hallq/shared/contracts';
import { ApiError } from '../service/api-error';
import type { OutgoingNotice } from '../store/notice-store';
import { NoticeSendError, type PartReport, type SendOutcome, type SenderStatus } from './notice-sender';

/** Longer than a long text takes at a slow network (each part may take the modem up to a minute). */
export const LEASE_MS = 5 * 60_000;
/** An agent not heard from this long is away; one that reported its modem this recently counts as ready. */
const AWAY_MS = 60_000;
/** A live agent claims every few seconds: an offer left this long is a try that failed, as a modem not answering. */
const UNCLAIMED_MS = 60_000;
/** Expired claims and offers are noticed on each agent call too; this catches them when no agent calls at all. */
const SWEEP_MS = 5000;
/** Answers kept for repeated requestIds: the agent repeats a request only until it gets an answer. */
const ANSWERS_KEPT = 64;

interface Offer {
  notice: OutgoingNotice;
  owner: object;
  kiosk: string;
  offeredAt: number;
  claim: { requestId: string; until: number } | null;
  settle: (outcome: SendOutcome) => void;
  fail: (error: NoticeSendError) => void;
}

export interface KioskAgentDeskOptions {
  /** The settings in force: which kiosk, if any, the notices go through. */
  hall: () => HallConfig;
  clock: () => Date;
  /** Where the delivery reports the kiosk's modem received go (the queue matches them by message reference). */
  onReport: (report: PartReport) => void;
}

/**
 * The server's side of the kiosk's notice agent (notices.sender `kiosk`). The queue's one sender loop offers its due
 * notice here, as it would hand it to a modem; the agent on the named kiosk claims it (leased to it), sends it through
 * its own modem and reports back, which settles the loop's try. A lease that runs out, or an offer no agent takes, is a
 * failed try like any other: the queue counts it, waits and offers the notice again. It outlives the senders, so a
 * change of settings does not lose a claim under way.
 */
export class KioskAgentDesk {
  private offer: Offer | null = null;
  private heard: { kiosk: string; at: number } | null = null;
  private modem: (NoticeAgentStatus & { kiosk: string; at: number }) | null = null;
  private readonly answers = new Map<string, unknown>();
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly options: KioskAgentDeskOptions) {
    this.sweep = setInterval(() => this.expire(), SWEEP_MS);
    this.sweep.unref();
  }

  /** The queue's try: settles when the agent reports, fails when it is away, does not claim, or lets its lease run out. */
  send(notice: OutgoingNotice, kiosk: string, owner: object): Promise<SendOutcome> {
    this.expire();
    if (this.offer) return Promise.reject(new NoticeSendError('a notice is already with the kiosk', true));
    const now = this.now();
    if (!this.heard || this.heard.kiosk !== kiosk || now - this.heard.at > AWAY_MS)
      return Promise.reject(new NoticeSendError(`kiosk ${kiosk} has not asked for notices in the last minute`, true));
    return new Promise<SendOutcome>((settle, fail) => {
      this.offer = { notice, owner, kiosk, offeredAt: now, claim: null, settle, fail };
    });
  }

  /** The sender closed: its notice, not yet reported, stays as it was for the next start. */
  withdraw(owner: object): void {
    if (this.offer?.owner !== owner) return;
    this.end(this.offer).fail(new NoticeSendError('the sender is closing', true));
  }

  readiness(kiosk: string): SenderStatus {
    this.expire();
    const modem = this.modem?.kiosk === kiosk ? this.modem : null;
    if (!modem || this.now() - modem.at > AWAY_MS)
      return {
        ready: false,
        detail: modem
          ? `取号机 ${kiosk} 的短信代理 ${Math.round((this.now() - modem.at) / 1000)} 秒未报告`
          : `取号机 ${kiosk} 的短信代理尚未报告`,
      };
    if (modem.problem !== null) return { ready: false, detail: `取号机 ${kiosk} 的短信猫：${modem.problem}` };
    const network = modem.registered ? '已注册' : `未注册（${modem.registration ?? 'unknown'}）`;
    return { ready: modem.registered, detail: `取号机 ${kiosk}：信号 ${modem.signal ?? '?'}/31，${network}` };
  }

  claim(kiosk: string, requestId: string): { notice: ClaimedNotice | null } {
    this.admit(kiosk);
    this.expire();
    const offer = this.offer;
    // A claim under way belongs to the request that made it: its repeat gets it again, any other request nothing.
    if (!offer || (offer.claim && offer.claim.requestId !== requestId)) return { notice: null };
    offer.claim ??= { requestId, until: this.now() + LEASE_MS };
    const { id, phone, text } = offer.notice;
    return { notice: { id, phone, text, leaseSeconds: LEASE_MS / 1000 } };
  }

  /**
   * The agent's word on a notice. Taken while the notice is on offer, claimed or not: after a restart of the server
   * the agent's report of a text it sent still reaches the try that offers it again, so it is not sent twice.
   */
  result(kiosk: string, id: string, body: NoticeResultRequest): { applied: boolean } {
    this.admit(kiosk);
    return this.once(`result:${body.requestId}`, () => {
      const offer = this.offer;
      if (offer?.notice.id !== id) return { applied: false };
      this.end(offer);
      if (body.outcome === 'sent') offer.settle({ outcome: 'sent', references: body.references });
      else offer.fail(new NoticeSendError(body.error, body.retry));
      return { applied: true };
    });
  }

  reports(kiosk: string, body: NoticeReportsRequest): { ok: true } {
    this.admit(kiosk);
    return this.once(`reports:${body.requestId}`, () => {
      for (const r of body.reports)
        this.options.onReport({ reference: r.reference, state: r.state, meaning: r.meaning });
      return { ok: true as const };
    });
  }

  status(kiosk: string, body: NoticeAgentStatus): { ok: true } {
    this.admit(kiosk);
    this.modem = { ...body, kiosk, at: this.now() };
    return { ok: true };
  }

  close(): void {
    clearInterval(this.sweep);
  }

  /** Only the kiosk the settings name takes notices; anything it says counts as a sign of life. */
  private admit(kiosk: string): void {
    const notices = this.options.hall().notices;
    if (notices?.sender !== 'kiosk' || notices.kiosk !== kiosk)
      throw new ApiError(
        'forbidden',
        notices?.sender === 'kiosk'
          ? `notices go out through kiosk ${notices.kiosk}, not this one`
          : 'the hall sends no notices through a kiosk (notices.sender)',
      );
    this.heard = { kiosk, at: this.now() };
  }

  /** A claim past its lease, or an offer nobody took, fails its try. */
  private expire(): void {
    const offer = this.offer;
    if (!offer) return;
    const now = this.now();
    if (offer.claim && now >= offer.claim.until)
      this.end(offer).fail(
        new NoticeSendError(`kiosk ${offer.kiosk} claimed the notice and did not report within the lease`, true),
      );
    else if (!offer.claim && now - offer.offeredAt >= UNCLAIMED_MS)
      this.end(offer).fail(new NoticeSendError(`kiosk ${offer.kiosk} did not take the notice`, true));
  }

  private end(offer: Offer): Offer {
    if (this.offer === offer) this.offer = null;
    return offer;
  }

  private once<T>(key: string, answer: () => T): T {
    if (this.answers.has(key)) return this.answers.get(key) as T;
    const value = answer();
    this.answers.set(key, value);
    if (this.answers.size > ANSWERS_KEPT) this.answers.delete(this.answers.keys().next().value!);
    return value;
  }

  private now(): number {
    return this.options.clock().getTime();
  }
}
