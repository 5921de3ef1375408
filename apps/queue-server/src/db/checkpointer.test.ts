import { mkdtempSync, statSync } from 'node:fs';
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
});
