import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { HallStore } from './hall-store';

// Holds SQLite's writer lock for a while from its own thread and connection, as the checkpointer's TRUNCATE does.
const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.exec('BEGIN IMMEDIATE');
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec('COMMIT');
db.close();
`;

describe('a write while another connection holds the writer lock', () => {
  it('waits for the lock (a TRUNCATE checkpoint, say) and then commits, even when it read before writing', async () => {
    const db = openDatabase(mkdtempSync(join(tmpdir(), 'hallq-lock-')));
    const store = new HallStore(db);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const holder = new Worker(HOLDER, { eval: true, workerData: { path: db.path, driver, holdMs: 300 } });
    const exited = once(holder, 'exit');
    await once(holder, 'message');

    const started = Date.now();
    // The pipeline's own shape: look the requestId up, then write.
    store.transaction(() => {
      expect(store.findRequest('r1')).toBeUndefined();
      store.saveRequest('r1', { route: 'x', actor: 'staff:admin', status: 200, response: {} }, 't');
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(store.findRequest('r1')).toMatchObject({ route: 'x', status: 200 });
    await exited;
    await db.close();
  });
});
