import type { HallConfig, HallEvent } from '@hallq/shared/contracts';
import type { HallDatabase } from '../db/open-database';
import type { HallLog } from '../log/logger';
import type { WritePipeline } from '../service/write-pipeline';
import type { HallStore } from '../store/hall-store';
import { NoticeStore } from '../store/notice-store';
import { FollowUpReminders } from './follow-up-reminders';
import { NoticeActions } from './notice-actions';
import { NoticeQueue } from './notice-queue';
import { OverdueReminders } from './overdue-reminders';

/** The notice queue with its sender loop, the manager's actions on it, and the overdue reminders that feed it. */
export interface NoticeServices {
  queue: NoticeQueue;
  actions: NoticeActions;
  overdue: OverdueReminders;
  followUps: FollowUpReminders;
  close(): Promise<void>;
}

export interface NoticeServicesOptions {
  db: HallDatabase;
  hallStore: HallStore;
  pipeline: WritePipeline;
  /** The settings in force, read at each use. */
  hall: () => HallConfig;
  clock: () => Date;
  publish: (events: HallEvent[], at: Date) => void;
  log: HallLog;
}

/** Starts the queue: the notices left pending by the last run go out at once. */
export function startNotices(o: NoticeServicesOptions): NoticeServices {
  const store = new NoticeStore(o.db);
  const queue = new NoticeQueue({
    store,
    hallStore: o.hallStore,
    hall: o.hall,
    clock: o.clock,
    publish: o.publish,
    log: o.log,
  });
  const overdue = new OverdueReminders(o.pipeline, store, queue, o.hall, o.clock, o.log);
  return {
    queue,
    actions: new NoticeActions(o.pipeline, o.hallStore, store, queue),
    overdue,
    followUps: new FollowUpReminders(queue, o.hall),
    async close() {
      // The reminders first: they queue through the pipeline, which must find the queue open.
      await overdue.close();
      await queue.close();
    },
  };
}
