import type { Notice, NoticeResponse, StaffConfig } from '@hallq/shared/contracts';
import { ApiError } from '../service/api-error';
import type { Reply, WritePipeline } from '../service/write-pipeline';
import type { HallStore } from '../store/hall-store';
import type { NoticeStore } from '../store/notice-store';
import { type NoticeQueue, noticeEvents } from './notice-queue';

type Action = 'resend' | 'handToWindow' | 'relayed';

const TEST_INTERVAL_MS = 60_000;

const JOURNAL = { resend: 'notice.resent', handToWindow: 'notice.handedToWindow', relayed: 'notice.relayed' } as const;

/** What each action needs the notice to be, in the words of the refusal. */
const REFUSAL: Record<Action, string> = {
  resend: 'only a failed notice, or one sent but never reported delivered, is sent again',
  handToWindow: 'only a notice not yet delivered nor erased is handed to the window',
  relayed: 'only a notice at the window, failed, or sent is marked relayed (hand a pending one to the window first)',
};

/**
 * The notice as an action answers it. The answer is kept with the requestId (a repeat gets it again), and would keep
 * the code and the phone number long after the notice is erased: it carries neither. The list has them while live.
 */
const answered = (n: Notice): Notice => ({ ...n, phone: `${n.phone.slice(0, 3)}****${n.phone.slice(-4)}`, text: null });

/**
 * The manager's hand on the queue: send a notice again, give it to the window, or record that a person relayed it.
 * Each is a write through the pipeline (idempotent by requestId, journaled, its event numbered on the hall stream).
 */
export class NoticeActions {
  constructor(
    private readonly pipeline: WritePipeline,
    private readonly hallStore: HallStore,
    private readonly store: NoticeStore,
    private readonly queue: NoticeQueue,
  ) {}

  resend(id: string, requestId: string, staff: StaffConfig): Promise<Reply<NoticeResponse>> {
    return this.act('resend', id, requestId, staff);
  }

  handToWindow(id: string, requestId: string, staff: StaffConfig): Promise<Reply<NoticeResponse>> {
    return this.act('handToWindow', id, requestId, staff);
  }

  relayed(id: string, requestId: string, staff: StaffConfig): Promise<Reply<NoticeResponse>> {
    return this.act('relayed', id, requestId, staff);
  }

  /**
   * A test SMS to `phone` through the sender in force, queued like any notice (the outbox shows its fate). At most one
   * a minute: a modem pays per text, and a button pressed again and again is no test.
   */
  async test(phone: string, requestId: string, staff: StaffConfig): Promise<Reply<NoticeResponse>> {
    const actor = `staff:${staff.id}`;
    const reply = await this.pipeline.write('notice-test', requestId, actor, (now, day) => {
      const sender = this.queue.senderKind;
      if (sender === 'window')
        throw new ApiError(
          'invalid_state',
          'the hall sends no SMS (notices.sender is window): choose a sender that does, save, then test',
        );
      const last = this.store.lastQueuedAt('test');
      const wait = last === null ? 0 : Date.parse(last) + TEST_INTERVAL_MS - now.getTime();
      if (wait > 0) throw ApiError.tooMany('a test SMS went out less than a minute ago: wait, then test again', wait);
      const at = now.toISOString();
      const { id } = this.queue.test(phone, at);
      this.hallStore.journal.write({
        at,
        hallDay: day,
        actor,
        type: 'notice.testQueued',
        data: { noticeId: id, sender },
      });
      const notice = this.store.get(id)!;
      return {
        status: 200,
        body: { notice: answered(notice) },
        apply: () => noticeEvents([{ id, status: notice.status }]),
      };
    });
    this.queue.committed(false);
    return reply;
  }

  private async act(action: Action, id: string, requestId: string, staff: StaffConfig): Promise<Reply<NoticeResponse>> {
    const actor = `staff:${staff.id}`;
    const reply = await this.pipeline.write(`notice-${action}`, requestId, actor, (now, day) => {
      const notice = this.store.get(id);
      if (!notice)
        throw new ApiError('not_found', `no notice "${id}"`, { fields: [{ path: 'id', message: 'unknown notice' }] });
      if (notice.erasedAt !== null)
        throw new ApiError(
          'invalid_state',
          `notice ${id} is ${notice.status} and erased: its text is gone, there is nothing to send`,
        );
      const at = now.toISOString();
      const done =
        action === 'resend'
          ? this.store.resend(id, this.queue.settings.sender, at)
          : action === 'handToWindow'
            ? notice.status === 'at_window' || this.store.atWindow(id)
            : this.store.relayed(id, at);
      if (!done) throw new ApiError('invalid_state', `notice ${id} is ${notice.status}: ${REFUSAL[action]}`);
      this.hallStore.journal.write({
        at,
        hallDay: day,
        actor,
        type: JOURNAL[action],
        data: { noticeId: id, kind: notice.kind },
      });
      const after = this.store.get(id)!;
      return {
        status: 200,
        body: { notice: answered(after) },
        apply: () => noticeEvents([{ id, status: after.status }]),
      };
    });
    // Once committed: a resent notice goes out now, and the pages of a relayed one's text leave the WAL.
    this.queue.committed(action === 'relayed');
    return reply;
  }
}
