/**
 * The report worker: a thread of its own with its own read-only connection to the hall's database, so that a year's
 * report never holds up a ticket (the main thread only posts the query and relays the answer). WAL lets it read the
 * last commit while the hall writes.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { bulletinWorkbook } from './bulletin-workbook';
import { JournalReader } from './journal-reader';
import { ReportBuilder } from './report-builder';
import type { WorkerAnswer, WorkerRequest } from './report-requests';

const { path, nice } = workerData as { path: string; nice: number };

// On Linux a priority is a thread's: this thread alone is lowered, so the hall's event loop goes first on a busy
// server. Elsewhere there is no thread's own priority, and the worker runs at the server's.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
} catch {
  // Not Linux.
}

const db = new Database(path, { readonly: true });
db.pragma('busy_timeout = 5000');
const builder = new ReportBuilder(new JournalReader(db));

async function answer(request: WorkerRequest): Promise<unknown> {
  const ctx = { hall: request.hall, now: new Date(request.now), scope: request.scope };
  switch (request.kind) {
    case 'summary':
      return builder.summary(request.query, ctx);
    case 'drillDown':
      return builder.drillDown(request.query, ctx);
    case 'attendance':
      return builder.attendance(request.query, ctx);
    case 'emptyPosts':
      return builder.emptyPosts(request.query, ctx);
    case 'bulletin':
      return builder.bulletin(request.query, ctx);
    case 'bulletinWorkbook': {
      const bulletin = builder.bulletin(request.query, ctx);
      const emptyPosts = builder.emptyPosts({ from: bulletin.from, to: bulletin.to }, ctx);
      return bulletinWorkbook(bulletin, emptyPosts.intervals, ctx.hall);
    }
  }
}

/**
 * Once no report has been asked for a while, the worker works out the year's days one at a time, newest first (each a
 * moment; a report asked meanwhile goes before the next), so the first year's report after a start does not read the
 * whole year then. Reports asked one after another are not slowed by it.
 */
const IDLE_BEFORE_PREPARING_MS = 2000;
let preparing: ReturnType<typeof setTimeout> | undefined;
function prepareYear(request: WorkerRequest): void {
  clearTimeout(preparing);
  const ctx = { hall: request.hall, now: new Date(request.now) };
  const next = () => {
    if (builder.prepareYear(ctx)) preparing = setTimeout(next, 0);
  };
  preparing = setTimeout(next, IDLE_BEFORE_PREPARING_MS);
}

parentPort!.on('message', async (request: WorkerRequest | 'stop') => {
  if (request === 'stop') {
    clearTimeout(preparing);
    db.close();
    parentPort!.close();
    return;
  }
  let reply: WorkerAnswer;
  try {
    reply = { id: request.id, answer: await answer(request) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
  prepareYear(request);
});
