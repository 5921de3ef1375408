import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';

const fresh = () => mkdtempSync(join(tmpdir(), 'hallq-db-'));
const walSize = (path: string) => statSync(`${path}-wal`).size;

describe('the database file and its WAL', () => {
  it('cuts the WAL back after a checkpoint, so one busy hour does not keep its size on a small disk', async () => {
    const limit = 256 * 1024;
    const db = openDatabase(fresh(), { walLimitBytes: limit, checkpointIntervalMs: 50 });
    db.write.exec('CREATE TABLE filler (data TEXT)');
    const insert = db.write.prepare('INSERT INTO filler (data) VALUES (?)');
    // About 4 MB of writes between checkpoints: the WAL grows far beyond the limit first.
    db.write.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run('x'.repeat(4000));
    })();
    expect(walSize(db.path)).toBeGreaterThan(4 * limit);
    // Once the checkpointer has copied it all, the next write starts the WAL over and cuts the file to the limit.
    const deadline = Date.now() + 5000;
    while (walSize(db.path) > limit && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 60));
      insert.run('y');
    }
    expect(walSize(db.path)).toBeLessThanOrEqual(limit);
    await db.close();
  });

  it('overwrites deleted data, so an erased phone number is not left in the file', async () => {
    const db = openDatabase(fresh());
    db.write.exec('CREATE TABLE notes (data TEXT)');
    const secret = '13800138000-erase-me';
    db.write.prepare('INSERT INTO notes (data) VALUES (?)').run(secret.repeat(50));
    db.write.pragma('wal_checkpoint(TRUNCATE)');
    db.write.prepare('DELETE FROM notes').run();
    db.write.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(db.path).includes(Buffer.from(secret))).toBe(false);
    await db.close();
  });
});
