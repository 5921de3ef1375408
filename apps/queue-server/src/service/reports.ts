import { Worker } from 'node:worker_threads';
import type { StaffConfig } from '@hallq/shared/contracts';
import type { ReportScope } from '@hallq/shared/domain';
import type { ReportKind, ReportKinds, WorkerAnswer, WorkerRequest } from '../reports/report-requests';
import { ApiError } from './api-error';
import type { HallDay } from './hall-day';

/**
 * Reports waiting for the worker beyond which another is refused (429): each may read a year, and the office has a few
 * screens, not a crowd. A refused one is asked again in a few seconds.
 */
const MAX_WAITING = 8;
const RETRY_AFTER_MS = 3000;

/** Defined by the build (scripts/build-server.ts), whose dist/ holds report-worker.js and worker-boot.mjs beside main.js. */
declare const HALLQ_BUNDLED: true | undefined;
const bundled = typeof HALLQ_BUNDLED !== 'undefined';
/** The worker's module: the TypeScript source under the loader the server runs with, or the built file beside this. */
const WORKER_ENTRY = new URL(bundled ? './report-worker.js' : '../reports/report-worker.ts', import.meta.url).href;
const WORKER_BOOT = new URL(bundled ? './worker-boot.mjs' : '../reports/worker-boot.mjs', import.meta.url);

/**
 * The hall's figures for a period (every figure is defined once, in the domain's `statistics`, from the entries the
 * journal keeps). They are made off the event loop, in the report worker (`reports/report-worker.ts`), which starts
 * with the first report and keeps each day's visits worked out between reports.
 */
export class Reports {
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (answer: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  /**
   * `nice` is the worker thread's priority: 19, the lowest, leaves the hall's event loop every core it wants while a
   * year is counted (a small hall server has two).
   */
  constructor(
    private readonly databasePath: string,
    private readonly today: HallDay,
    private readonly nice = 19,
  ) {}

  summary = this.report('summary');
  drillDown = this.report('drillDown');
  attendance = this.report('attendance');
  emptyPosts = this.report('emptyPosts');
  /** The monthly bulletin (月度通报) of the hall, or of the chief representative's department. */
  bulletin = this.report('bulletin');
  /** The same as an Excel workbook (.xlsx), its bytes. */
  bulletinWorkbook = this.report('bulletinWorkbook');

  /** Stops the worker; reports still waiting are refused. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    const timeout = setTimeout(() => void worker.terminate(), 2000);
    worker.postMessage('stop');
    await exited;
    clearTimeout(timeout);
  }

  private report<K extends ReportKind>(kind: K) {
    return (query: ReportKinds[K]['query'], staff: StaffConfig): Promise<ReportKinds[K]['answer']> => {
      if (this.waiting.size >= MAX_WAITING) {
        throw ApiError.tooMany('the hall is making other reports: ask again in a few seconds', RETRY_AFTER_MS);
      }
      const id = this.nextId++;
      const request = {
        id,
        kind,
        query,
        hall: this.today.hall,
        now: this.today.now().toISOString(),
        scope: scopeOf(staff),
      } as WorkerRequest;
      return new Promise((resolve, reject) => {
        this.waiting.set(id, { resolve: (a) => resolve(a as ReportKinds[K]['answer']), reject });
        this.started().postMessage(request);
      });
    };
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_BOOT, {
      workerData: { entry: WORKER_ENTRY, path: this.databasePath, nice: this.nice },
    });
    worker.on('message', (reply: WorkerAnswer) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) waiter.reject(new Error(`report failed: ${reply.error}`));
      else waiter.resolve(reply.answer);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error('the report worker stopped'));
    });
    // Idle, it does not keep the process alive; a report under way is awaited by its request.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

/** Whose figures a member of staff sees: the manager the hall's, a chief representative their department's, the others their own. */
function scopeOf(staff: StaffConfig): ReportScope {
  if (staff.role === 'manager') return { kind: 'hall' };
  if (staff.role === 'chief_representative') return { kind: 'department', department: staff.department };
  return { kind: 'clerk', clerk: staff.id };
}
