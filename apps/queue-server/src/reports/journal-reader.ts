import type { Database, Statement } from 'better-sqlite3';
import type { JournalEntryBase } from '@hallq/shared/domain';

/** A journal row as the reports read it: the entry, its data parsed but not checked again. */
export type RawEntry = JournalEntryBase & { type: string; data: unknown };

/**
 * The journal as the report worker reads it, on its own read-only connection. The rows were checked against their
 * schemas when written and are never changed (the journal is append-only), so a report parses them without checking
 * each again: a year's report reads millions of them.
 */
export class JournalReader {
  private readonly ofDay: Statement;
  private readonly lastId: Statement;
  private readonly daysSince: Statement;

  constructor(private readonly db: Database) {
    // The types are a JSON array, so one statement serves every list of them.
    this.ofDay = db.prepare(
      `SELECT at, hall_day AS hallDay, type, actor, window, ticket_id AS ticketId, ticket_number AS ticketNumber, data
       FROM journal WHERE hall_day = ? AND type IN (SELECT value FROM json_each(?)) ORDER BY id`,
    );
    this.lastId = db.prepare('SELECT coalesce(max(id), 0) FROM journal').pluck();
    this.daysSince = db.prepare('SELECT DISTINCT hall_day FROM journal WHERE id > ?').pluck();
  }

  /** Runs `read` on one snapshot of the database: what it reads is one moment's journal. */
  snapshot<T>(read: () => T): T {
    return this.db.transaction(read)();
  }

  /** The entries of these types on one hall day, oldest first. */
  entriesOfDay(day: string, types: readonly string[]): RawEntry[] {
    const rows = this.ofDay.all(day, JSON.stringify(types)) as (Omit<RawEntry, 'data'> & { data: string })[];
    return rows.map((row) => ({ ...row, data: JSON.parse(row.data) as unknown }));
  }

  /** The id of the last entry written, 0 for an empty journal. */
  lastEntryId(): number {
    return this.lastId.get() as number;
  }

  /** The hall days of the entries written after entry `id`. */
  daysWrittenSince(id: number): string[] {
    return this.daysSince.all(id) as string[];
  }
}
