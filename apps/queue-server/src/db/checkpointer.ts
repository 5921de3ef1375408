import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { type HallLog, stderrLog } from '../log/logger';

// Plain JavaScript evaluated in the worker: it must load without the TypeScript loader the server runs under.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
let truncateAsked = false;
const checkpoint = () => {
  try {
    if (!truncateAsked) {
      db.pragma('wal_checkpoint(PASSIVE)');
      return;
    }
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)');
    // Busy (a reader on an older snapshot past the busy timeout): the WAL was not emptied, so the next tick tries again.
    if (result.busy === 0) truncateAsked = false;
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'truncate') {
    truncateAsked = true;
    checkpoint();
    return;
  }
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /**
   * Asks for a TRUNCATE checkpoint as soon as the worker can run one (and at each tick until one succeeds): every frame
   * is copied back and the WAL emptied, so the page images of data just erased do not stay in it until overwritten.
   * It waits for readers and holds writers back meanwhile, so it is asked for only after an erasure, not on a timer.
   */
  truncate(): void;
  stop(): Promise<void>;
}

/**
 * Copies the WAL back into the database file from a worker thread, on its own connection, so that the copy and its
 * fsync never stall a request on the main thread (a PASSIVE checkpoint does not block the writer).
 */
export function startCheckpointer(path: string, intervalMs = 2000, log: HallLog = stderrLog): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs } });
  worker.on('message', (m: { error?: string }) => {
    if (m.error) log.error(`checkpoint failed: ${m.error}`);
  });
  worker.on('error', (error) => log.error({ err: error }, 'checkpointer stopped'));
  worker.unref();
  return {
    truncate: () => worker.postMessage('truncate'),
    stop: () =>
      new Promise<void>((resolve) => {
        // Held open again while it stops, or the process could exit before the worker has closed its connection.
        worker.ref();
        const timeout = setTimeout(() => void worker.terminate(), 2000);
        worker.once('exit', () => {
          clearTimeout(timeout);
          resolve();
        });
        worker.postMessage('stop');
      }),
  };
}
