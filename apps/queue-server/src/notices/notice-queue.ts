import { randomUUID } from 'node:crypto';
import type { HallConfig, HallEvent, NoticeSenderKind, NoticesQuery, NoticesResponse } from '@hallq/shared/contracts';
import { uploadRetryDelay } from '@hallq/shared/domain';
import { type HallLog, stderrLog } from '../log/logger';
import type { LockerNotices, PickupNotice } from '../service/locker-notifier';
import type { HallStore } from '../store/hall-store';
import type { NewNotice, NoticeChange, NoticeStore, OutgoingNotice } from '../store/notice-store';
import { KioskAgentDesk } from './kiosk-agent-desk';
import { NoticeSendError, type NoticeSender, type NoticesSettings, type PartReport } from './notice-sender';
import { compartmentSubject, pickupText, testText } from './notice-texts';
import { WINDOW_ONLY, openSender } from './open-sender';

export interface NoticeQueueOptions {
  store: NoticeStore;
  hallStore: HallStore;
  /** The settings in force, read at each use. */
  hall: () => HallConfig;
  clock: () => Date;
  /** Where `notice.updated` goes for the changes the sender makes (the pipeline publishes those of writes). */
  publish: (events: HallEvent[], at: Date) => void;
  log?: HallLog;
  /** The sender for a configuration (tests hand their own clock to the modem's reopening). */
  openSender?: typeof openSender;
}

export const noticeEvents = (changes: NoticeChange[]): HallEvent[] =>
  changes.map(({ id, status }) => ({ type: 'notice.updated', id, status }));

/**
 * The notice queue. A notice is queued in the transaction that makes it; after the commit the server's one sender
 * loop takes the pending ones, oldest due first, one at a time, through the sender the settings name. A failed try
 * waits (the wait doubling up to a cap) and counts; after `maxAttempts` the notice is `failed` for the manager. Only
 * this loop sends, and a row is marked in its own transaction before the next is taken, so a notice goes out once;
 * after a crash the pending rows are still on disk and go out when the server is back.
 */
export class NoticeQueue implements LockerNotices {
  private readonly store: NoticeStore;
  private readonly hallStore: HallStore;
  private readonly hall: () => HallConfig;
  private readonly clock: () => Date;
  private readonly publish: (events: HallEvent[], at: Date) => void;
  private readonly log: HallLog;
  private readonly open: typeof openSender;
  /** The kiosk's notice agent calls here (the routes of /api/notice-agent) when the notices go through a kiosk. */
  readonly kioskAgent: KioskAgentDesk;
  private config: NoticesSettings;
  private sender: NoticeSender;
  private retired: Promise<void>[] = [];
  private sending: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Whether the last try failed: a failure is logged when it starts and when it ends, not at every retry. */
  private failing = false;

  constructor(options: NoticeQueueOptions) {
    this.store = options.store;
    this.hallStore = options.hallStore;
    this.hall = options.hall;
    this.clock = options.clock;
    this.publish = options.publish;
    this.log = options.log ?? stderrLog;
    this.open = options.openSender ?? openSender;
    this.config = this.hall().notices ?? WINDOW_ONLY;
    this.kioskAgent = new KioskAgentDesk({ hall: this.hall, clock: this.clock, onReport: (r) => this.onReport(r) });
    this.sender = this.newSender();
    // Notices queued before a restart (or a kill) go out first.
    this.nudge();
  }

  get settings(): NoticesSettings {
    return this.config;
  }

  get senderKind(): NoticeSenderKind {
    return this.config.sender;
  }

  /** A new version of the settings: a changed `notices` section gets a new sender (the old one closes once idle). */
  useHall(hall: HallConfig): void {
    const next = hall.notices ?? WINDOW_ONLY;
    if (JSON.stringify(next) === JSON.stringify(this.config)) return;
    this.config = next;
    const old = this.sender;
    this.sender = this.newSender();
    this.retired.push((this.sending ?? Promise.resolve()).then(() => old.close()));
    this.nudge();
  }

  /** Inside the caller's transaction; null when a notice with this key exists already. */
  enqueue(n: Omit<NewNotice, 'id' | 'sender'>): NoticeChange | null {
    const id = randomUUID();
    const sender = this.config.sender;
    if (!this.store.insert({ ...n, id, sender })) return null;
    return { id, status: sender === 'window' ? 'at_window' : 'pending' };
  }

  pickupReady(n: PickupNotice): NoticeChange[] {
    const change = this.enqueue({
      kind: 'pickup_ready',
      dedupeKey: `pickup_ready:${n.itemId}`,
      subject: compartmentSubject(n.lockerName, n.compartment),
      itemId: n.itemId,
      phone: n.phone,
      text: pickupText(this.hall().name.zh, n),
      qr: n.qr,
      at: n.at,
    });
    return change ? [change] : [];
  }

  /** Inside the caller's transaction: the manager's test SMS, each one a notice of its own. */
  test(phone: string, at: string): NoticeChange {
    return this.enqueue({
      kind: 'test',
      dedupeKey: `test:${randomUUID()}`,
      subject: '测试短信',
      itemId: null,
      phone,
      text: testText(this.hall().name.zh),
      qr: null,
      at,
    })!;
  }

  itemOut(itemId: string, at: string): NoticeChange[] {
    return this.store.itemOut(itemId, at);
  }

  committed(erased: boolean): void {
    if (erased) this.store.erasureCommitted();
    this.nudge();
  }

  async list(query: NoticesQuery): Promise<NoticesResponse> {
    return {
      sender: { kind: this.sender.kind, ...(await this.sender.status()) },
      counts: this.store.counts(),
      notices: this.store.list(query.status, query.limit),
    };
  }

  /** Starts the loop unless it runs (then it looks again when done); a due notice does not wait for a timer. */
  nudge(): void {
    if (this.closed) return;
    if (this.sending) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.sending = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .catch((error: unknown) => {
        // A fault of the hall's own (the disk), not the sender's: the queue stands, and is tried again later.
        this.log.error({ err: error }, 'notices: the sender loop failed');
      })
      .finally(() => {
        this.sending = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        } else this.wakeAtNextDue();
      });
  }

  /** Resolves once the loop has nothing under way (after a `nudge`, once it has looked at the queue). */
  async settled(): Promise<void> {
    while (this.sending) await this.sending;
  }

  /** Stops the loop: a send under way is cut off (its notice stays pending), the sender's port is released. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.kioskAgent.close();
    await this.sender.close();
    await this.sending;
    await Promise.all(this.retired);
  }

  private newSender(): NoticeSender {
    return this.open(
      this.config,
      (report) => this.onReport(report),
      () => this.clock().getTime(),
      this.kioskAgent,
    );
  }

  private wakeAtNextDue(): void {
    const next = this.store.nextDueAt();
    if (next === null || this.closed) return;
    const wait = Math.min(Math.max(0, Date.parse(next) - this.clock().getTime()), this.config.maxRetrySeconds * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.nudge();
    }, wait);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const notice = this.store.due(this.clock().toISOString());
      if (!notice) return;
      await this.sendOne(notice);
    }
  }

  private async sendOne(notice: OutgoingNotice): Promise<void> {
    const sender = this.sender;
    let change: NoticeChange | null;
    try {
      const result = await sender.send(notice);
      const at = this.clock().toISOString();
      change =
        this.hallStore.transaction(() =>
          result.outcome === 'at_window'
            ? this.store.atWindow(notice.id) && { id: notice.id, status: 'at_window' as const }
            : this.store.sent(notice.id, sender.kind, at, result.references) && {
                id: notice.id,
                status: 'sent' as const,
              },
        ) || null;
      if (this.failing) this.log.info(`notices: the ${sender.kind} sender sends again`);
      this.failing = false;
    } catch (error) {
      // Cut off by close(): the notice stays as it was, for the next start.
      if (this.closed) return;
      const failure =
        error instanceof NoticeSendError ? error : new NoticeSendError('the sender failed (see the server log)', true);
      if (!(error instanceof NoticeSendError)) this.log.error({ err: error }, 'notices: the sender failed');
      change = this.recordFailure(notice, failure);
      // The reason only where it is the sender's own; never the notice's phone or text.
      if (!this.failing) this.log.warn(`notices: a ${sender.kind} try failed; retrying, the manager console shows why`);
      this.failing = true;
    }
    if (change) this.publish(noticeEvents([change]), this.clock());
  }

  private recordFailure(notice: OutgoingNotice, failure: NoticeSendError): NoticeChange | null {
    const attempts = notice.attempts + 1;
    const now = this.clock();
    return this.hallStore.transaction(() => {
      if (!failure.retry || attempts >= this.config.maxAttempts)
        return this.store.failed(notice.id, failure.message, 1) ? { id: notice.id, status: 'failed' as const } : null;
      const next = new Date(now.getTime() + uploadRetryDelay(attempts, this.config)).toISOString();
      this.store.retry(notice.id, failure.message, next);
      // Still pending: the manager's list shows the try and the next one.
      return { id: notice.id, status: 'pending' as const };
    });
  }

  /** A delivery report for one part: the notice is delivered (and erased) once all its parts are, failed if one is. */
  private onReport(report: PartReport): void {
    if (this.closed) return;
    const at = this.clock().toISOString();
    try {
      const change = this.hallStore.transaction((): NoticeChange | null => {
        if (report.state === 'failed') {
          const id = this.store.partFailed(report.reference, `not delivered: ${report.meaning}`);
          return id === undefined ? null : { id, status: 'failed' };
        }
        const part = this.store.partDelivered(report.reference);
        return part?.complete && this.store.delivered(part.id, at) ? { id: part.id, status: 'delivered' } : null;
      });
      if (!change) return;
      if (change.status === 'delivered') this.store.erasureCommitted();
      this.publish(noticeEvents([change]), this.clock());
    } catch (error) {
      this.log.error({ err: error }, 'notices: a delivery report could not be recorded');
    }
  }
}
