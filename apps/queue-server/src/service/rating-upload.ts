import type { HallConfig, RatingUploads } from '@hallq/shared/contracts';
import { uploadRetryDelay } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import type { RatingExports } from './rating-export';
import { type HallLog, stderrLog } from '../log/logger';

type UploadConfig = NonNullable<HallConfig['ratingUpload']>;

/** What the endpoint said, kept short: the manager reads it on the manager console. */
const ERROR_CHARS = 200;

/**
 * Reports every rating a citizen made to the provincial 好差评 system. A rating enters the outbox (`rating_uploads`) in
 * the transaction that records it, so a crash cannot lose one; the sender POSTs them one at a time, oldest first, and
 * stops at the first failure so the province receives them in order, trying again after a wait that doubles up to a
 * cap. A 2xx answer, or 409 (the province has it already: the rating id is the idempotency key), accepts it.
 *
 * The acceptance is kept on the outbox row, not journaled: the journal is the hall's own history, which the reports
 * replay; the delivery to another system changes nothing in the hall, and a journal entry for each attempt of an
 * outage would drown it. The row holds all there is to know: when it was queued, tried, and accepted, and why it failed.
 */
export class RatingUploader {
  private readonly config: UploadConfig | undefined;
  private sending: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private nextAttemptAt: string | null = null;
  private readonly closing = new AbortController();
  /** Whether the last attempt failed: a failure is logged when it starts and when it ends, not at every retry. */
  private failing = false;

  constructor(
    private readonly store: HallStore,
    hall: HallConfig,
    private readonly exports: RatingExports,
    private readonly clock: () => Date,
    private readonly log: HallLog = stderrLog,
  ) {
    this.config = hall.ratingUpload;
    // Ratings queued before a restart (or a kill) go out first.
    this.nudge();
  }

  /** Queues a recorded rating, inside the transaction that records it; the sender takes it once that has committed. */
  enqueue(ratingId: string, at: Date): void {
    this.store.ratingUploads.enqueue(ratingId, at.toISOString());
    // The write pipeline commits synchronously: by the time this runs the rating is on disk (or was rolled back).
    this.nudge();
  }

  status(): RatingUploads {
    const uploads = this.store.ratingUploads;
    return {
      configured: this.config !== undefined,
      ...uploads.pendingSummary(),
      failing: uploads.failing(),
      nextAttemptAt: this.nextAttemptAt,
      lastAcceptedAt: uploads.lastAcceptedAt(),
    };
  }

  /** Stops the timer, abandons a request under way (the rating stays queued) and waits for the sender to stop. */
  async close(): Promise<void> {
    this.closing.abort();
    clearTimeout(this.retryTimer);
    await this.sending;
  }

  /** Starts the sender unless it runs already, or waits out a failure (a new rating must not cut the wait short). */
  private nudge(): void {
    if (!this.config || this.sending || this.retryTimer || this.closing.signal.aborted) return;
    const config = this.config;
    this.sending = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain(config))
      .catch((error: unknown) => {
        // A fault of the hall's own (the disk), not the endpoint's: the queue stands, tried again at the longest wait.
        this.log.error({ err: error }, 'rating upload: the sender failed');
        this.retryLater(config.maxRetrySeconds * 1000);
      })
      .finally(() => (this.sending = undefined));
  }

  /** Sends the queue in order until it is empty, or until a rating fails (then waits and starts again). */
  private async drain(config: UploadConfig): Promise<void> {
    for (;;) {
      const batch = this.store.ratingUploads.pending(config.batch);
      if (batch.length === 0) return;
      for (const { ratingId } of batch) {
        if (this.closing.signal.aborted) return;
        const error = await this.send(config, ratingId);
        if (this.closing.signal.aborted) return;
        const at = this.clock().toISOString();
        if (error === null) {
          this.store.transaction(() => this.store.ratingUploads.accepted(ratingId, at));
          if (this.failing) this.log.info('rating upload: the endpoint accepts ratings again');
          this.failing = false;
          continue;
        }
        const attempts = this.store.transaction(() =>
          this.store.ratingUploads.failed(
            ratingId,
            at,
            error.answer ? `${error.reason}: ${error.answer}` : error.reason,
          ),
        );
        // The reason only: the endpoint's answer may echo the rating, which is no log's business.
        if (!this.failing) this.log.warn(`rating upload: ${error.reason}; retrying, the manager console shows why`);
        this.failing = true;
        this.retryLater(uploadRetryDelay(attempts, config));
        return;
      }
    }
  }

  private retryLater(delayMs: number): void {
    if (this.closing.signal.aborted) return;
    this.nextAttemptAt = new Date(this.clock().getTime() + delayMs).toISOString();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.nextAttemptAt = null;
      this.nudge();
    }, delayMs);
    this.retryTimer.unref();
  }

  /**
   * POSTs one rating to the configured URL as is: the record and its id in the body, the id again as the idempotency
   * key; nothing of it in the URL. Null when accepted, or what went wrong (and what the endpoint answered).
   */
  private async send(config: UploadConfig, ratingId: string): Promise<{ reason: string; answer?: string } | null> {
    const record = this.exports.record(ratingId);
    if (!record) return { reason: `rating ${ratingId} is not one to report` };
    const timeout = AbortSignal.timeout(config.timeoutSeconds * 1000);
    try {
      const res = await fetch(config.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'idempotency-key': ratingId,
          ...(config.token !== undefined && { authorization: `Bearer ${config.token}` }),
        },
        body: JSON.stringify(record),
        signal: AbortSignal.any([timeout, this.closing.signal]),
        redirect: 'error',
      });
      const text = await res.text();
      if (res.ok || res.status === 409) return null;
      return { reason: `HTTP ${res.status}`, answer: text.slice(0, ERROR_CHARS) };
    } catch (error) {
      if (timeout.aborted) return { reason: `no answer within ${config.timeoutSeconds} s` };
      // fetch says only "fetch failed"; the cause has the network's word for it (ECONNREFUSED, ENOTFOUND).
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      return { reason: (cause?.code ?? cause?.message ?? (error as Error).message).slice(0, ERROR_CHARS) };
    }
  }
}
