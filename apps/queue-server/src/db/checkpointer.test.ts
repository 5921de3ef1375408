import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';

describe('the checkpointer thread', () => {
  it('copies committed WAL frames into the database file without the writer checkpointing', async () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'hallq-ckpt-')));
    const before = statSync(db.path).size;
    const insert = db.write.prepare(
      "INSERT INTO journal (at, hall_day, type, actor, data) VALUES ('t', '2026-11-23', 'x', 'a', ?)",
    );
    // About 100 pages, far below the writer's own automatic checkpoint (20000 pages): only the thread copies them.
    for (let i = 0; i < 200; i++) insert.run(JSON.stringify({ i, pad: 'x'.repeat(2000) }));
    expect(statSync(db.path).size).toBe(before);
    const deadline = Date.now() + 5000;
    while (statSync(db.path).size === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(statSync(db.path).size).toBeGreaterThan(before + 100 * 1024);
    await db.close();
  });

  it('empties the WAL when asked after an erasure, so the erased value is in neither the WAL nor the database file', async () => {
    // No timed checkpoint during the test: only the request can empty the WAL.
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'hallq-ckpt-')), { checkpointIntervalMs: 60_000 });
    const secret = Buffer.from('取件码 482913');
    const wal = `${db.path}-wal`;
    const holds = (file: string) => readFileSync(file).includes(secret);
    db.write.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)');
    db.write.prepare('INSERT INTO notes (text) VALUES (?)').run(secret.toString());
    db.write.prepare('UPDATE notes SET text = NULL').run();
    // The erasure is committed, yet the WAL still has the page as it was before it.
    expect(holds(wal)).toBe(true);

    db.truncateWal();
    const deadline = Date.now() + 5000;
    while (statSync(wal).size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(statSync(wal).size).toBe(0);
    expect(holds(db.path)).toBe(false);
    expect(db.write.prepare('SELECT COUNT(*) FROM notes WHERE text IS NULL').pluck().get()).toBe(1);
    await db.close();
  });
});
