import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Notice, NoticeKind, NoticeSenderKind, NoticeStatus } from '@hallq/shared/contracts';
import {
  NoticeKind as NoticeKindSchema,
  Notice as NoticeSchema,
  NoticeStatus as NoticeStatusSchema,
} from '@hallq/shared/contracts';
import type { HallDatabase } from '../db/open-database';
import { readRow } from './stored-row';

// 13812345678 → 138****5678, as every staff screen shows a phone number.
const MASKED_PHONE = "substr(phone, 1, 3) || '****' || substr(phone, -4)";
const ERASE = `text = NULL, qr = NULL, erased_at = @at, phone = ${MASKED_PHONE}`;
const LIVE = 'erased_at IS NULL';

const COLUMNS = `id, kind, subject, status, sender, phone, text, attempts, last_error AS lastError,
  next_attempt_at AS nextAttemptAt, created_at AS createdAt, sent_at AS sentAt, delivered_at AS deliveredAt,
  erased_at AS erasedAt`;

/** A notice as it is queued, inside the transaction that makes it. */
export interface NewNotice {
  id: string;
  kind: NoticeKind;
  /** The kind and what it is about (`pickup_ready:<item id>`): a second notice with the same key is not made. */
  dedupeKey: string;
  subject: string;
  itemId: string | null;
  phone: string;
  text: string;
  qr: string | null;
  sender: NoticeSenderKind;
  at: string;
}

/** What the sender needs of a notice due to go out. */
export interface OutgoingNotice {
  id: string;
  kind: NoticeKind;
  phone: string;
  text: string;
  attempts: number;
}

const Outgoing = z.object({
  id: z.string(),
  kind: NoticeKindSchema,
  phone: z.string(),
  text: z.string(),
  attempts: z.number().int(),
});
const Refs = z.array(z.number().int());

/** A notice whose status changed: what the `notice.updated` event says. */
export interface NoticeChange {
  id: string;
  status: NoticeStatus;
}

/** A locker item waiting past its pickup days, with no overdue reminder yet. */
export interface OverdueItem {
  itemId: string;
  locker: string;
  compartment: string;
  phone: string;
  applicantName: string;
  caseNumber: string;
  description: string;
}

/**
 * The SQL of the notice queue (migration 0015). Every write runs inside a transaction of the hall store: the queue's
 * own (a try's outcome) or a write's through the pipeline (queued with a deposit, a manager's action).
 */
export class NoticeStore {
  private readonly s: Record<string, Statement>;

  constructor(private readonly db: HallDatabase) {
    const p = (sql: string) => db.write.prepare(sql);
    this.s = {
      insert: p(
        `INSERT INTO notices (id, kind, dedupe_key, subject, item_id, phone, text, qr, status, sender, next_attempt_at,
                              created_at)
         VALUES (@id, @kind, @dedupeKey, @subject, @itemId, @phone, @text, @qr, @status, @sender, @next, @at)
         ON CONFLICT (dedupe_key) DO NOTHING`,
      ),
      get: p(`SELECT ${COLUMNS} FROM notices WHERE id = ?`),
      list: p(
        `SELECT ${COLUMNS} FROM notices WHERE @status IS NULL OR status = @status ORDER BY seq DESC LIMIT @limit`,
      ),
      counts: p('SELECT status, COUNT(*) AS n FROM notices GROUP BY status'),
      due: p(
        `SELECT id, kind, phone, text, attempts FROM notices
         WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT 1`,
      ),
      nextDue: p("SELECT MIN(next_attempt_at) FROM notices WHERE status = 'pending'"),
      lastOfKind: p('SELECT MAX(created_at) FROM notices WHERE kind = ?'),
      sent: p(
        `UPDATE notices SET status = 'sent', sender = @sender, attempts = attempts + 1, last_error = NULL,
           next_attempt_at = NULL, sent_at = @at, message_refs = @refs, refs_delivered = '[]'
         WHERE id = @id AND status = 'pending'`,
      ),
      atWindow: p(
        `UPDATE notices SET status = 'at_window', sender = 'window', next_attempt_at = NULL
         WHERE id = @id AND status IN ('pending', 'sent', 'failed') AND ${LIVE}`,
      ),
      retry: p(
        `UPDATE notices SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next
         WHERE id = @id AND status = 'pending'`,
      ),
      failed: p(
        `UPDATE notices SET status = 'failed', attempts = attempts + @tried, last_error = @error, next_attempt_at = NULL
         WHERE id = @id AND status IN ('pending', 'sent', 'at_window') AND ${LIVE}`,
      ),
      byReference: p(
        `SELECT id, message_refs AS refs, refs_delivered AS delivered FROM notices
         WHERE status IN ('sent', 'at_window') AND message_refs IS NOT NULL
           AND EXISTS (SELECT 1 FROM json_each(message_refs) WHERE value = ?)
         ORDER BY sent_at DESC, seq DESC LIMIT 1`,
      ),
      partDelivered: p('UPDATE notices SET refs_delivered = ? WHERE id = ?'),
      delivered: p(`UPDATE notices SET status = 'delivered', delivered_at = @at, ${ERASE} WHERE id = @id AND ${LIVE}`),
      deliveredErased: p(
        `UPDATE notices SET status = 'delivered', delivered_at = @at WHERE id = @id AND status = 'sent'`,
      ),
      relayed: p(
        `UPDATE notices SET status = 'relayed', next_attempt_at = NULL, ${ERASE}
         WHERE id = @id AND status IN ('at_window', 'failed', 'sent') AND ${LIVE}`,
      ),
      resend: p(
        `UPDATE notices SET status = 'pending', sender = @sender, attempts = 0, last_error = NULL, next_attempt_at = @at,
           message_refs = NULL, refs_delivered = '[]'
         WHERE id = @id AND status IN ('failed', 'sent') AND ${LIVE}`,
      ),
      itemOfNotice: p('SELECT item_id FROM notices WHERE id = ?'),
      maskItemPhone: p(`UPDATE locker_items SET phone = ${MASKED_PHONE} WHERE id = ?`),
      ofItem: p(`SELECT id, status FROM notices WHERE item_id = ? AND ${LIVE}`),
      withdraw: p(
        `UPDATE notices SET status = 'withdrawn', next_attempt_at = NULL, ${ERASE}
         WHERE item_id = @item AND status IN ('pending', 'at_window', 'failed') AND ${LIVE}`,
      ),
      eraseSent: p(`UPDATE notices SET ${ERASE} WHERE item_id = @item AND status = 'sent' AND ${LIVE}`),
      overdue: p(
        `SELECT i.id AS itemId, i.locker, i.compartment, i.phone, i.applicant_name AS applicantName,
                i.case_number AS caseNumber, i.description FROM locker_items i
         WHERE i.stored_at IS NOT NULL AND i.stored_at < ? AND i.collected_at IS NULL AND i.handover IS NULL
           AND NOT EXISTS (SELECT 1 FROM notices WHERE dedupe_key = 'pickup_overdue:' || i.id)
         ORDER BY i.stored_at LIMIT 100`,
      ),
    };
  }

  /** Queues a notice unless one with its key exists: whether it was made. */
  insert(n: NewNotice): boolean {
    const status = n.sender === 'window' ? 'at_window' : 'pending';
    const next = status === 'pending' ? n.at : null;
    return this.s.insert!.run({ ...n, status, next }).changes === 1;
  }

  get(id: string): Notice | undefined {
    const row = this.s.get!.get(id);
    return row === undefined ? undefined : readRow(NoticeSchema, row, `notice ${id}`);
  }

  /** Newest first. */
  list(status: NoticeStatus | undefined, limit: number): Notice[] {
    return this.s.list!.all({ status: status ?? null, limit }).map((row) => readRow(NoticeSchema, row, 'notice'));
  }

  counts(): Record<NoticeStatus, number> {
    const counts = Object.fromEntries(NoticeStatusSchema.options.map((s) => [s, 0])) as Record<NoticeStatus, number>;
    for (const { status, n } of this.s.counts!.all() as { status: NoticeStatus; n: number }[]) counts[status] = n;
    return counts;
  }

  /** The pending notice to try now, oldest due first. */
  due(at: string): OutgoingNotice | undefined {
    const row = this.s.due!.get(at);
    return row === undefined ? undefined : readRow(Outgoing, row, 'notice');
  }

  /** When the next pending notice is due (null: none waits). */
  nextDueAt(): string | null {
    return this.s.nextDue!.pluck().get() as string | null;
  }

  /** When the newest notice of a kind was queued (null: none ever was). */
  lastQueuedAt(kind: NoticeKind): string | null {
    return this.s.lastOfKind!.pluck().get(kind) as string | null;
  }

  sent(id: string, sender: NoticeSenderKind, at: string, references: number[]): boolean {
    const refs = references.length > 0 ? JSON.stringify(references) : null;
    return this.s.sent!.run({ id, sender, at, refs }).changes === 1;
  }

  atWindow(id: string): boolean {
    return this.s.atWindow!.run({ id }).changes === 1;
  }

  /** A failed try with more to come. */
  retry(id: string, error: string, next: string): boolean {
    return this.s.retry!.run({ id, error, next }).changes === 1;
  }

  /** No more tries: the last one failed for good (`tried` 1), or the network reported it undeliverable (0). */
  failed(id: string, error: string, tried: 0 | 1): boolean {
    return this.s.failed!.run({ id, error, tried }).changes === 1;
  }

  /**
   * A delivery report for one part (by its message reference; references repeat after 256, so the latest notice
   * sent with it): the notice's id once every part is delivered, or its id as `partial`.
   */
  partDelivered(reference: number): { id: string; complete: boolean } | undefined {
    const row = this.s.byReference!.get(reference) as { id: string; refs: string; delivered: string } | undefined;
    if (!row) return undefined;
    const refs = Refs.parse(JSON.parse(row.refs));
    const delivered = [...new Set([...Refs.parse(JSON.parse(row.delivered)), reference])];
    this.s.partDelivered!.run(JSON.stringify(delivered), row.id);
    return { id: row.id, complete: refs.every((r) => delivered.includes(r)) };
  }

  /** The network gave up on a part: the notice failed, live still (the manager resends it or hands it to the window). */
  partFailed(reference: number, error: string): string | undefined {
    const row = this.s.byReference!.get(reference) as { id: string } | undefined;
    return row && this.failed(row.id, error, 0) ? row.id : undefined;
  }

  /** Reached its reader: erased (the item's phone masked too, kept only to send this). */
  delivered(id: string, at: string): boolean {
    const changed =
      this.s.delivered!.run({ id, at }).changes === 1 || this.s.deliveredErased!.run({ id, at }).changes === 1;
    if (changed) this.maskItemPhoneOf(id);
    return changed;
  }

  relayed(id: string, at: string): boolean {
    const changed = this.s.relayed!.run({ id, at }).changes === 1;
    if (changed) this.maskItemPhoneOf(id);
    return changed;
  }

  resend(id: string, sender: NoticeSenderKind, at: string): boolean {
    return this.s.resend!.run({ id, sender, at }).changes === 1;
  }

  /**
   * The item left the locker: a notice of it not yet out is withdrawn, one that went out is erased; both are erased.
   * The changes, for the events.
   */
  itemOut(itemId: string, at: string): NoticeChange[] {
    const before = this.s.ofItem!.all(itemId) as NoticeChange[];
    this.s.withdraw!.run({ item: itemId, at });
    this.s.eraseSent!.run({ item: itemId, at });
    return before.filter((n) => n.status !== 'sent').map((n) => ({ id: n.id, status: 'withdrawn' as const }));
  }

  overdueItems(storedBefore: string): OverdueItem[] {
    return this.s.overdue!.all(storedBefore) as OverdueItem[];
  }

  /**
   * Once an erasure has committed: the WAL still holds the erased pages as they were, so it is emptied soon after
   * (the database file's own free space is already overwritten: secure_delete).
   */
  erasureCommitted(): void {
    this.db.truncateWal();
  }

  private maskItemPhoneOf(id: string): void {
    const item = this.s.itemOfNotice!.pluck().get(id) as string | null;
    if (item !== null) this.s.maskItemPhone!.run(item);
  }
}
