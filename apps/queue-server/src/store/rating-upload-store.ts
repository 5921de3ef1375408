import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { FailingUpload } from '@hallq/shared/contracts';
import { FailingUpload as FailingUploadSchema } from '@hallq/shared/contracts';
import type { RatingRecord, Ticket } from '@hallq/shared/domain';
import { Ticket as TicketSchema, ratingRecordOf } from '@hallq/shared/domain';
import type { HallDatabase } from '../db/open-database';
import { RATING_COLUMNS, RatingColumns } from './rating-store';
import { readJson, readRow } from './stored-row';

/** A rating a citizen made, with the ticket it rated: what the provincial system is told of it. */
export interface ReportedRating {
  rating: RatingRecord;
  ticket: Ticket;
}

export interface PendingUpload {
  ratingId: string;
  attempts: number;
}

const PendingRow = z.object({ ratingId: z.string(), attempts: z.number().int() });
const FAILING_SHOWN = 50;

// Ratings a citizen made (not the open requests, not the unanswered ones), each with its ticket's stored JSON.
const REPORTED = `SELECT r.*, (SELECT data FROM tickets WHERE id = r.ticketId) AS ticket
  FROM (SELECT ${RATING_COLUMNS} FROM ratings WHERE result IS NOT NULL AND result <> 'not_rated'`;

/** The SQL of reporting 好差评 out: the ratings with their tickets, and the upload outbox (`rating_uploads`). */
export class RatingUploadStore {
  private readonly s: Record<string, Statement>;

  /** On the write handle: `enqueue` runs inside the transaction that records the rating. */
  constructor(db: HallDatabase['write']) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      enqueue: p('INSERT INTO rating_uploads (rating_id, queued_at) VALUES (?, ?)'),
      pending: p(
        'SELECT rating_id AS ratingId, attempts FROM rating_uploads WHERE accepted_at IS NULL ORDER BY id LIMIT ?',
      ),
      accepted: p(
        `UPDATE rating_uploads SET attempts = attempts + 1, last_attempt_at = ?, last_error = NULL, accepted_at = ?
         WHERE rating_id = ? AND accepted_at IS NULL`,
      ),
      failed: p(
        `UPDATE rating_uploads SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?
         WHERE rating_id = ? AND accepted_at IS NULL RETURNING attempts`,
      ),
      pendingCount: p('SELECT COUNT(*) AS n, MIN(queued_at) AS oldest FROM rating_uploads WHERE accepted_at IS NULL'),
      failing: p(
        `SELECT u.rating_id AS ratingId, r.hall_day AS hallDay, u.queued_at AS queuedAt, u.attempts,
                u.last_attempt_at AS lastAttemptAt, u.last_error AS lastError
         FROM rating_uploads u JOIN ratings r ON r.id = u.rating_id
         WHERE u.accepted_at IS NULL AND u.last_error IS NOT NULL ORDER BY u.id LIMIT ?`,
      ),
      lastAccepted: p('SELECT MAX(accepted_at) FROM rating_uploads'),
      reportedOfDays: p(`${REPORTED} AND hall_day BETWEEN ? AND ?) r ORDER BY r.recordedAt, r.id`),
      reported: p(`${REPORTED} AND id = ?) r`),
    };
  }

  /** Queues a rating for the provincial system; inside the transaction that records it. */
  enqueue(ratingId: string, at: string): void {
    this.s.enqueue!.run(ratingId, at);
  }

  /** The ratings not yet accepted, oldest first, at most `limit`. */
  pending(limit: number): PendingUpload[] {
    return this.s.pending!.all(limit).map((row) => readRow(PendingRow, row, 'rating upload'));
  }

  accepted(ratingId: string, at: string): void {
    this.s.accepted!.run(at, at, ratingId);
  }

  /** Records a failed attempt; the attempts so far. */
  failed(ratingId: string, at: string, error: string): number {
    return (this.s.failed!.get(at, error, ratingId) as { attempts: number }).attempts;
  }

  pendingSummary(): { pending: number; oldestPendingAt: string | null } {
    const row = this.s.pendingCount!.get() as { n: number; oldest: string | null };
    return { pending: row.n, oldestPendingAt: row.oldest };
  }

  /** Waiting ratings whose last attempt failed, oldest first (the first few: the sender is stuck on the first). */
  failing(): FailingUpload[] {
    return this.s.failing!.all(FAILING_SHOWN).map((row) => readRow(FailingUploadSchema, row, 'failing upload'));
  }

  lastAcceptedAt(): string | null {
    return this.s.lastAccepted!.pluck().get() as string | null;
  }

  /** The ratings citizens made on the hall days `from` … `to`, in the order they were recorded. */
  reportedOfDays(from: string, to: string): ReportedRating[] {
    return this.s.reportedOfDays!.all(from, to).map((row) => reportedRow(row));
  }

  reported(ratingId: string): ReportedRating | undefined {
    const row = this.s.reported!.get(ratingId);
    return row === undefined ? undefined : reportedRow(row);
  }
}

function reportedRow(row: unknown): ReportedRating {
  const { ticket, ...rating } = row as { ticket: string; id: string };
  return {
    rating: ratingRecordOf(readRow(RatingColumns, rating, `rating ${rating.id}`)),
    ticket: readJson(TicketSchema, ticket, `ticket of rating ${rating.id}`),
  };
}
