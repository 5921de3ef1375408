import type { FollowUp, HallConfig, StaffConfig } from '@hallq/shared/contracts';
import type { NoticeChange } from '../store/notice-store';
import type { NoticeQueue } from './notice-queue';
import { followUpText } from './notice-texts';

/**
 * 回访提醒: where the hall turns `notices.followUpReminders` on, the member of staff a 差评 follow-up is assigned to gets
 * a text with its deadline, through the same queue as the citizens' notices (sent once per follow-up and person).
 */
export class FollowUpReminders {
  constructor(
    private readonly queue: NoticeQueue,
    private readonly hall: () => HallConfig,
  ) {}

  /** Inside the assignment's transaction; the changes to announce once it has committed. */
  assigned(followUp: FollowUp, assignee: StaffConfig, now: Date): NoticeChange[] {
    if (!this.queue.settings.followUpReminders || assignee.phone === undefined) return [];
    const { rating } = followUp;
    const change = this.queue.enqueue({
      kind: 'follow_up_callback',
      dedupeKey: `follow_up_callback:${followUp.id}:${assignee.id}`,
      subject: `差评回访 ${rating.hallDay} ${rating.ticketNumber}（${rating.window} 号窗口）`,
      itemId: null,
      phone: assignee.phone,
      text: followUpText(this.hall().name.zh, followUp),
      qr: null,
      at: now.toISOString(),
    });
    return change ? [change] : [];
  }

  /** After the commit: the sender takes it. */
  committed(): void {
    this.queue.committed(false);
  }
}
