import type { HallConfig } from '@hallq/shared/contracts';
import { type HallLog, stderrLog } from '../log/logger';
import { SYSTEM, type WritePipeline } from '../service/write-pipeline';
import type { NoticeStore } from '../store/notice-store';
import { type NoticeQueue, noticeEvents } from './notice-queue';
import { compartmentSubject, overdueText } from './notice-texts';

const CHECK_EVERY_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Reminds a citizen, once, when their result has waited in the locker past the hall's lockerOverdueDays (the console
 * shows it overdue from then on). Checked every minute and at start, so the days that passed while the server was
 * down count too; each reminder is a write of its own, idempotent by the item.
 */
export class OverdueReminders {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | undefined;

  constructor(
    private readonly pipeline: WritePipeline,
    private readonly store: NoticeStore,
    private readonly queue: NoticeQueue,
    private readonly hall: () => HallConfig,
    private readonly clock: () => Date,
    private readonly log: HallLog = stderrLog,
  ) {
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref();
    void this.check();
  }

  /** Queues the reminders now due; resolves once they are written. */
  check(): Promise<void> {
    this.running ??= this.remind()
      .catch((error: unknown) => this.log.error({ err: error }, 'notices: the overdue reminders failed'))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async remind(): Promise<void> {
    const hall = this.hall();
    if (!this.queue.settings.overdueReminder) return;
    const days = hall.policy.lockerOverdueDays;
    const cutoff = new Date(this.clock().getTime() - days * DAY_MS).toISOString();
    const names = new Map(hall.devices.lockers.map((l) => [l.id, l.name]));
    for (const item of this.store.overdueItems(cutoff)) {
      const lockerName = names.get(item.locker) ?? item.locker;
      await this.pipeline.write('notice-overdue', `notice-overdue:${item.itemId}`, SYSTEM, (now) => {
        const change = this.queue.enqueue({
          kind: 'pickup_overdue',
          dedupeKey: `pickup_overdue:${item.itemId}`,
          subject: compartmentSubject(lockerName, item.compartment),
          itemId: item.itemId,
          phone: item.phone,
          text: overdueText(hall.name.zh, lockerName, days, item),
          qr: null,
          at: now.toISOString(),
        });
        return { status: 200, body: null, apply: () => noticeEvents(change ? [change] : []) };
      });
    }
    this.queue.committed(false);
  }
}
