import type { HallEvent } from '@hallq/shared/contracts';
import { isStorageError } from '../db/storage';
import type { HallStore } from '../store/hall-store';
import { ApiError } from './api-error';

/** Who asked: journaled with every write. */
export type Actor = string;

/** Who records what nobody asked for (a rating request that expired, a locker door that timed out). */
export const SYSTEM: Actor = 'system';

export interface Reply<T> {
  status: number;
  body: T;
}

/** The result of one write: the answer, and what to apply to memory once its savepoint holds. */
export interface WriteResult<T> extends Reply<T> {
  /** Changes memory and returns the events the change produced; they are published after the commit. */
  apply: () => HallEvent[];
}

/** One write's work, run inside the transaction; `day` is the hall day of `now`. */
export type WriteRun<T> = (now: Date, day: string) => WriteResult<T>;

export interface WritePipelineOptions {
  store: HallStore;
  clock: () => Date;
  /** The hall day of an instant; loads that day's state when the day has changed. */
  dayOf: (now: Date) => string;
  /** The events of a committed group, in order; `now` is the time of its last write. */
  afterCommit: (events: HallEvent[], now: Date) => void;
}

interface PendingWrite {
  route: string;
  requestId: string;
  actor: Actor;
  run: WriteRun<unknown>;
  resolve: (reply: Reply<unknown>) => void;
  reject: (error: unknown) => void;
}

/**
 * The one way anything in the hall is written. A write runs once per requestId: a repeat gets the stored answer.
 * Writes that arrive together are committed together (group commit: one fsync for many requests), each in its own
 * savepoint so one refusal does not touch the others. A write's memory changes apply as soon as its savepoint holds, so
 * the next write in the group sees them; answers and events leave only after the commit. Node runs one request at a
 * time through here, so two windows can never be handed the same ticket.
 */
export class WritePipeline {
  private readonly store: HallStore;
  private readonly clock: () => Date;
  private readonly dayOf: (now: Date) => string;
  private readonly afterCommit: (events: HallEvent[], now: Date) => void;
  private readonly commitFailedListeners = new Set<(now: Date) => void>();
  private pending: PendingWrite[] = [];

  constructor(options: WritePipelineOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.dayOf = options.dayOf;
    this.afterCommit = options.afterCommit;
  }

  /**
   * Called when a group's commit failed (disk full, I/O error) after its writes had changed memory: whoever holds state
   * in memory reloads it from the database, which is what stands. Returns the unsubscribe.
   */
  onCommitFailed(listener: (now: Date) => void): () => void {
    this.commitFailedListeners.add(listener);
    return () => this.commitFailedListeners.delete(listener);
  }

  write<T>(route: string, requestId: string, actor: Actor, run: WriteRun<T>): Promise<Reply<T>> {
    return new Promise<Reply<T>>((resolve, reject) => {
      this.pending.push({ route, requestId, actor, run, resolve: resolve as (r: Reply<unknown>) => void, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const jobs = this.pending;
    this.pending = [];
    const settled: { job: PendingWrite; reply?: Reply<unknown>; error?: unknown }[] = [];
    const events: HallEvent[] = [];
    let now = this.clock();
    try {
      this.store.transaction(() => {
        for (const job of jobs) {
          now = this.clock();
          try {
            settled.push({ job, reply: this.runOne(job, now, events) });
          } catch (error) {
            // A full or failing disk can make SQLite roll back the whole transaction, not just this savepoint: the
            // group is refused as one, or the writes after this one would run outside any transaction.
            if (isStorageError(error)) throw error;
            settled.push({ job, error });
          }
        }
      });
    } catch (error) {
      // Memory ran ahead of the disk: reload it and refuse them all (a storage failure answers 503, nothing applied).
      for (const listener of this.commitFailedListeners) listener(now);
      for (const job of jobs) job.reject(error);
      return;
    }
    if (events.length > 0) this.afterCommit(events, now);
    for (const { job, reply, error } of settled) {
      if (reply) job.resolve(reply);
      else job.reject(error);
    }
  }

  /** One write inside the group's transaction, in its own savepoint. */
  private runOne(job: PendingWrite, now: Date, events: HallEvent[]): Reply<unknown> {
    const day = this.dayOf(now);
    const previous = this.store.findRequest(job.requestId);
    if (previous) {
      if (previous.route !== job.route || previous.actor !== job.actor) {
        throw new ApiError('request_id_reused', `requestId ${job.requestId} was already used for another request`);
      }
      return { status: previous.status, body: previous.response };
    }
    const result = this.store.transaction(() => {
      const r = job.run(now, day);
      this.store.saveRequest(
        job.requestId,
        { route: job.route, actor: job.actor, status: r.status, response: r.body },
        now.toISOString(),
      );
      return r;
    });
    events.push(...result.apply());
    return { status: result.status, body: result.body };
  }
}
