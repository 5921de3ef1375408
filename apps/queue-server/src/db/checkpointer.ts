import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain JavaScript evaluated in the worker: it must load without the TypeScript loader the server runs under.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Copies the WAL back into the database file from a worker thread, on its own connection, so that the copy and its
 * fsync never stall a request on the main thread (a PASSIVE checkpoint does not block the writer).
 */
export function startCheckpointer(path: string, intervalMs = 2000): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs } });
  worker.on('message', (m: { error?: string }) => {
    if (m.error) console.error(`checkpoint failed: ${m.error}`);
  });
  worker.on('error', (error) => console.error('checkpointer stopped:', error));
  worker.unref();
  return {
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
