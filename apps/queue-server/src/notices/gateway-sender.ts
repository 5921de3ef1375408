import type { OutgoingNotice } from '../store/notice-store';
import {
  NoticeSendError,
  type NoticeSender,
  type NoticesSettings,
  type SendOutcome,
  type SenderStatus,
} from './notice-sender';

type NoticeGatewayConfig = NonNullable<NoticesSettings['gateway']>;

/** What the gateway said, kept short: the manager reads it on the console. */
const ERROR_CHARS = 200;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The body template with the notice's values put in its strings: as JSON values, so a quote in a text stays one. */
function fill(template: Json, values: Record<string, string>): Json {
  if (typeof template === 'string')
    return template.replace(/\{\{(phone|text|id)\}\}/g, (_, name: string) => values[name] ?? '');
  if (Array.isArray(template)) return template.map((t) => fill(t, values));
  if (template !== null && typeof template === 'object')
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fill(v, values)]));
  return template;
}

/**
 * An HTTP SMS gateway: one POST per notice, the phone and text in the body only (never the URL), the notice id as the
 * idempotency key so a try repeated after a lost answer is not a second SMS. 2xx accepts it; a 4xx other than 408 and
 * 429 is the gateway refusing this notice (a number it will not send to), so it fails at once; the rest is retried.
 */
export class GatewaySender implements NoticeSender {
  readonly kind = 'gateway' as const;
  private readonly closing = new AbortController();
  private lastError: string | null = null;

  constructor(private readonly config: NoticeGatewayConfig) {}

  async send(notice: OutgoingNotice): Promise<SendOutcome> {
    const { config } = this;
    const timeout = AbortSignal.timeout(config.timeoutSeconds * 1000);
    const body = fill(config.body as Json, { phone: notice.phone, text: notice.text, id: notice.id });
    let status: number;
    let answer: string;
    try {
      const res = await fetch(config.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': notice.id,
          ...(config.token !== undefined && { authorization: `Bearer ${config.token}` }),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.any([timeout, this.closing.signal]),
        redirect: 'error',
      });
      status = res.status;
      answer = (await res.text()).slice(0, ERROR_CHARS);
    } catch (error) {
      const reason = timeout.aborted
        ? `no answer within ${config.timeoutSeconds} s`
        : // fetch says only "fetch failed"; the cause has the network's word for it (ECONNREFUSED, ENOTFOUND).
          ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message).slice(0, ERROR_CHARS);
      throw this.failure(reason, true);
    }
    if (status >= 200 && status < 300) {
      this.lastError = null;
      return { outcome: 'sent', references: [] };
    }
    const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
    throw this.failure(answer ? `HTTP ${status}: ${answer}` : `HTTP ${status}`, !permanent);
  }

  status(): Promise<SenderStatus> {
    const host = new URL(this.config.url).host;
    return Promise.resolve(
      this.lastError === null ? { ready: true, detail: host } : { ready: false, detail: `${host}: ${this.lastError}` },
    );
  }

  close(): Promise<void> {
    this.closing.abort();
    return Promise.resolve();
  }

  private failure(reason: string, retry: boolean): NoticeSendError {
    // A refusal of one notice says nothing of the gateway; a network failure does.
    if (retry) this.lastError = reason;
    return new NoticeSendError(reason, retry);
  }
}
