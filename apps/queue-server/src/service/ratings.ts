import { randomUUID } from 'node:crypto';
import type { HallConfig, HallEvent, RatingResponse, SubmitRatingRequest } from '@hallq/shared/contracts';
import type { Rating, RatingCommand, Ticket } from '@hallq/shared/domain';
import { isBadRating, newRating, ratingTransition, reportedLevel } from '@hallq/shared/domain';
import type { HallStore } from '../store/hall-store';
import { ApiError } from './api-error';
import type { FollowUps } from './follow-ups';
import type { HallDay } from './hall-day';
import type { RatingUploader } from './rating-upload';
import { SYSTEM, type Actor, type Reply, type WritePipeline, type WriteResult } from './write-pipeline';
import { type HallLog, stderrLog } from '../log/logger';

/**
 * The expiry timer never sleeps longer than this, and checks the hall clock when it wakes: the clock is wall time,
 * which can jump (NTP, or a test's hand-moved clock), while timers run on the monotonic clock.
 */
const EXPIRY_CHECK_MS = 1000;

/**
 * 好差评: a finished service is rated on the pad at its window (一次一评), or ends as not rated when nobody answers in
 * time (never a default level). A bad rating opens a follow-up.
 */
export class Ratings {
  /** The settings in force, read at each use: a change in the console applies to the next request. */
  private get hall(): HallConfig {
    return this.today.hall;
  }
  /** Windows with a rating pad (好差评器): only there is a finished service rated. */
  private get padWindows(): Set<number> {
    return new Set(
      this.hall.devices.displays.flatMap((d) => (d.kind === 'rating' && d.window !== undefined ? [d.window] : [])),
    );
  }
  private expiryTimer: NodeJS.Timeout | undefined;
  private expiring = false;
  private closed = false;

  constructor(
    private readonly store: HallStore,
    private readonly today: HallDay,
    private readonly pipeline: WritePipeline,
    private readonly followUps: FollowUps,
    private readonly uploader: RatingUploader,
    private readonly log: HallLog = stderrLog,
  ) {
    // A reload can bring back a request whose recording did not commit: it must still expire.
    today.onReload(() => this.armExpiry());
    this.armExpiry();
  }

  /** Stops the expiry timer and waits for a sweep under way, so nothing writes after the database closes. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.expiryTimer);
    while (this.expiring) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * A service finished at a window opens a rating request there, inside the finish's write; one still open there ends
   * as not rated. A window without a pad asks nobody (null): a request there would only ever end as not rated and skew
   * the window's figures.
   */
  requestFor(ticket: Ticket, window: number, now: Date, actor: Actor): (() => HallEvent[]) | null {
    if (!this.padWindows.has(window)) return null;
    const previous = [...this.today.openRatings.values()].find((r) => r.window === window);
    const superseded = previous && this.end(previous, { type: 'supersede' }, now, actor);
    const { rating, events } = newRating({
      id: randomUUID(),
      ticket,
      window,
      hallDay: this.today.day,
      now,
      policy: this.hall.policy,
    });
    this.store.ratings.insertRating(rating);
    this.store.journal.write({
      at: now.toISOString(),
      hallDay: this.today.day,
      type: 'rating.requested',
      actor,
      window,
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      data: { id: rating.id, clerk: rating.clerk, expiresAt: rating.expiresAt },
    });
    return () => {
      const ended = superseded?.apply() ?? [];
      this.today.openRating(rating);
      this.armExpiry();
      return [...ended, ...events];
    };
  }

  /** The citizen answers on the pad of the request's window; a bad rating opens a follow-up. */
  submit(
    id: string,
    req: SubmitRatingRequest,
    pad: { id: string; window: number | null },
  ): Promise<Reply<RatingResponse>> {
    const actor = `display:${pad.id}`;
    return this.pipeline.write('submit-rating', req.requestId, actor, (now) => {
      const rating = this.today.openRatings.get(id) ?? this.store.ratings.rating(id);
      if (!rating) throw new ApiError('not_found', `no rating request ${id}`);
      const reason = req.reason ? { code: req.reason.code, text: req.reason.text ?? null } : null;
      const command: RatingCommand = { type: 'answer', window: pad.window, level: req.level, reason };
      const ended = this.end(rating, command, now, actor);
      const followUp = isBadRating(req.level) ? this.followUps.open(ended.record, now, actor) : [];
      return { status: 200, body: { rating: ended.record }, apply: () => [...ended.apply(), ...followUp] };
    });
  }

  /**
   * Records every request past its expiry as not rated, each through the pipeline with a requestId of its own, so a
   * sweep that runs twice (or again after a crash) records each once. The server runs it at start.
   */
  async expireOverdue(): Promise<void> {
    if (this.closed || this.expiring) return;
    this.expiring = true;
    try {
      const now = this.today.now().getTime();
      const due = [...this.today.openRatings.values()].filter((r) => Date.parse(r.expiresAt) <= now);
      // Not a client's id: a client's requestId cannot contain "/".
      const results = await Promise.allSettled(
        due.map((r) =>
          this.pipeline.write('expire-rating', `system/expire-rating/${r.id}`, SYSTEM, (at) =>
            this.expireWrite(r.id, at),
          ),
        ),
      );
      for (const r of results) if (r.status === 'rejected') this.log.error({ err: r.reason }, 'rating expiry failed');
    } finally {
      this.expiring = false;
      this.armExpiry();
    }
  }

  /** Sleeps until the earliest open request expires (at most EXPIRY_CHECK_MS), then records the expired ones. */
  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    if (this.closed || this.expiring || this.today.openRatings.size === 0) return;
    let earliest = Infinity;
    for (const r of this.today.openRatings.values()) earliest = Math.min(earliest, Date.parse(r.expiresAt));
    const delay = Math.min(Math.max(0, earliest - this.today.now().getTime()), EXPIRY_CHECK_MS);
    this.expiryTimer = setTimeout(() => void this.expireOverdue(), delay);
    this.expiryTimer.unref();
  }

  private expireWrite(id: string, now: Date): WriteResult<null> {
    // Answered (or superseded) since the sweep looked: nothing to record.
    const row = this.today.openRatings.get(id);
    if (!row) return { status: 200, body: null, apply: () => [] };
    // Recorded as of its expiry, even when the server was down then.
    const ended = this.end(row, { type: 'expire' }, now, SYSTEM);
    return { status: 200, body: null, apply: ended.apply };
  }

  /** Ends an open request inside the current transaction, as the domain rules it; memory and events wait for `apply`. */
  private end(rating: Rating, command: RatingCommand, now: Date, actor: Actor) {
    const r = ratingTransition(rating, command, { now, hall: this.hall });
    if (!r.ok) throw ApiError.of(r);
    const { record } = r;
    this.store.ratings.recordRating(record);
    // Reported to the province from the same transaction: a rating on disk is a rating in the outbox.
    if (reportedLevel(record.result) !== null) this.uploader.enqueue(record.id, now);
    this.store.journal.write({
      at: now.toISOString(),
      hallDay: this.today.day,
      type: 'rating.recorded',
      actor,
      window: rating.window,
      ticketId: rating.ticketId,
      ticketNumber: rating.ticketNumber,
      data: {
        id: rating.id,
        ratingDay: rating.hallDay,
        clerk: rating.clerk,
        windowType: rating.windowType,
        serviceItem: rating.serviceItem,
        result: record.result,
        reason: record.reason,
      },
    });
    return {
      record,
      apply: (): HallEvent[] => {
        this.today.closeRating(rating.id);
        return [...r.events];
      },
    };
  }
}
