import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { FollowUp, FollowUpNote, Rating, RatingRecord, RatingResult } from '@hallq/shared/domain';
import {
  FollowUp as FollowUpSchema,
  FollowUpNote as FollowUpNoteSchema,
  Rating as RatingSchema,
} from '@hallq/shared/domain';
import type { HallDatabase } from '../db/open-database';
import { readRow } from './stored-row';

/** A follow-up as stored: its rating by id, its notes in their own table. */
export const FollowUpRow = FollowUpSchema.omit({ rating: true, notes: true }).extend({ ratingId: z.string() });
export type FollowUpRow = z.infer<typeof FollowUpRow>;

export const RATING_COLUMNS = `id, hall_day AS hallDay, ticket_id AS ticketId, ticket_number AS ticketNumber, window, clerk,
  window_type AS windowType, service_item AS serviceItem, requested_at AS requestedAt, expires_at AS expiresAt, result,
  reason_code AS reasonCode, reason_text AS reasonText, recorded_at AS recordedAt`;
const FOLLOW_UP_COLUMNS = `id, rating_id AS ratingId, status, deadline, assignee, opened_at AS openedAt,
  closed_at AS closedAt, resolution`;

/** The reason is two columns, so the table can check that exactly the bad ratings have one. */
export const RatingColumns = RatingSchema.omit({ reason: true })
  .extend({ reasonCode: z.string().nullable(), reasonText: z.string().nullable() })
  .transform(({ reasonCode, reasonText, ...rest }): Rating => ({
    ...rest,
    reason: reasonCode === null ? null : { code: reasonCode, text: reasonText },
  }));

const NoteColumns = FollowUpNoteSchema.extend({ calledBack: z.union([z.literal(0), z.literal(1)]) }).transform(
  (n): FollowUpNote => ({ ...n, calledBack: n.calledBack === 1 }),
);

/** The SQL of 好差评: rating requests and their results, and the follow-ups of bad ones with their notes. */
export class RatingStore {
  private readonly s: Record<string, Statement>;

  /** On the write handle: inside a write's transaction, reads see its own writes. */
  constructor(db: HallDatabase['write']) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      insertRating: p(
        `INSERT INTO ratings (id, hall_day, ticket_id, ticket_number, window, clerk, window_type, service_item,
                              requested_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      recordRating: p(
        'UPDATE ratings SET result = ?, reason_code = ?, reason_text = ?, recorded_at = ? WHERE id = ? AND result IS NULL',
      ),
      rating: p(`SELECT ${RATING_COLUMNS} FROM ratings WHERE id = ?`),
      openRatings: p(`SELECT ${RATING_COLUMNS} FROM ratings WHERE result IS NULL ORDER BY requested_at, id`),
      ratingCounts: p(
        'SELECT result, COUNT(*) AS n FROM ratings WHERE hall_day = ? AND clerk = ? AND result IS NOT NULL GROUP BY result',
      ),
      insertFollowUp: p(
        "INSERT INTO follow_ups (id, rating_id, status, deadline, opened_at) VALUES (?, ?, 'open', ?, ?)",
      ),
      updateFollowUp: p('UPDATE follow_ups SET status = ?, assignee = ?, closed_at = ?, resolution = ? WHERE id = ?'),
      followUp: p(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE id = ?`),
      followUpsNotClosed: p(
        `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE status <> 'closed' ORDER BY deadline, opened_at, id`,
      ),
      followUpsClosed: p(
        `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_ups WHERE status = 'closed' ORDER BY closed_at DESC, id LIMIT ?`,
      ),
      insertNote: p(
        'INSERT INTO follow_up_notes (follow_up_id, at, noted_by, text, called_back) VALUES (?, ?, ?, ?, ?)',
      ),
      notes: p(
        'SELECT at, noted_by AS "by", text, called_back AS calledBack FROM follow_up_notes WHERE follow_up_id = ? ORDER BY id',
      ),
    };
  }

  insertRating(r: Rating): void {
    this.s.insertRating!.run(
      r.id,
      r.hallDay,
      r.ticketId,
      r.ticketNumber,
      r.window,
      r.clerk,
      r.windowType,
      r.serviceItem,
      r.requestedAt,
      r.expiresAt,
    );
  }

  /** Ends an open request with its result; a request already ended is a bug in the caller. */
  recordRating(record: RatingRecord): void {
    const { result, reason, recordedAt, id } = record;
    const changes = this.s.recordRating!.run(
      result,
      reason?.code ?? null,
      reason?.text ?? null,
      recordedAt,
      id,
    ).changes;
    if (changes !== 1) throw new Error(`rating ${id} is not open`);
  }

  rating(id: string): Rating | undefined {
    const row = this.s.rating!.get(id);
    return row === undefined ? undefined : readRow(RatingColumns, row, `rating ${id}`);
  }

  /** Rating requests of any day still waiting for an answer, oldest first. */
  openRatings(): Rating[] {
    return this.s.openRatings!.all().map((row) => readRow(RatingColumns, row, 'rating'));
  }

  /** How a clerk's services of one day were rated, by result (results with none left out). */
  ratingCounts(hallDay: string, clerk: string): Map<RatingResult, number> {
    const rows = this.s.ratingCounts!.all(hallDay, clerk) as { result: RatingResult; n: number }[];
    return new Map(rows.map((r) => [r.result, r.n]));
  }

  insertFollowUp(f: { id: string; ratingId: string; deadline: string; openedAt: string }): void {
    this.s.insertFollowUp!.run(f.id, f.ratingId, f.deadline, f.openedAt);
  }

  updateFollowUp(f: FollowUp): void {
    this.s.updateFollowUp!.run(f.status, f.assignee, f.closedAt, f.resolution, f.id);
  }

  followUp(id: string): FollowUpRow | undefined {
    const row = this.s.followUp!.get(id);
    return row === undefined ? undefined : readRow(FollowUpRow, row, `follow-up ${id}`);
  }

  /** Follow-ups not yet closed, the nearest deadline first. */
  followUpsNotClosed(): FollowUpRow[] {
    return this.s.followUpsNotClosed!.all().map((row) => readRow(FollowUpRow, row, 'follow-up'));
  }

  /** Closed follow-ups (整改台账), the latest closed first, at most `limit`. */
  followUpsClosed(limit: number): FollowUpRow[] {
    return this.s.followUpsClosed!.all(limit).map((row) => readRow(FollowUpRow, row, 'follow-up'));
  }

  insertNote(followUpId: string, note: FollowUpNote): void {
    this.s.insertNote!.run(followUpId, note.at, note.by, note.text, note.calledBack ? 1 : 0);
  }

  notes(followUpId: string): FollowUpNote[] {
    return this.s.notes!.all(followUpId).map((row) => readRow(NoteColumns, row, `note of follow-up ${followUpId}`));
  }
}
