import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The ceiling for durable writes on this disk: better-sqlite3 with the server's settings (WAL, synchronous=FULL),
 * one single-row INSERT per transaction, back to back. `measure` runs for a while and returns committed
 * transactions per second; the benchmark calls it in slots between the server's bursts, so that both see the same
 * disk (a shared virtual disk's speed drifts over seconds).
 */
export class BareSqlite {
  private readonly db: Database.Database;
  private readonly commit: (at: string, body: string) => unknown;
  private readonly body = JSON.stringify({ number: 'A001', windowType: 'personal', pad: 'x'.repeat(150) });

  constructor(dir: string) {
    this.db = new Database(join(dir, 'bare.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, at TEXT NOT NULL, body TEXT NOT NULL)');
    const insert = this.db.prepare('INSERT INTO t (at, body) VALUES (?, ?)');
    this.commit = this.db.transaction((at: string, body: string) => insert.run(at, body));
    for (let i = 0; i < 50; i++) this.commit(new Date().toISOString(), this.body); // warm-up
  }

  measure(seconds: number): number {
    const start = performance.now();
    const end = start + seconds * 1000;
    let count = 0;
    while (performance.now() < end && count < 10_000_000) {
      this.commit(new Date().toISOString(), this.body);
      count += 1;
    }
    return count / ((performance.now() - start) / 1000);
  }

  close(): void {
    this.db.close();
  }
}
