import { randomUUID } from 'node:crypto';
import type { OutboxEntry } from '@hallq/shared/contracts';
import type { LockerStore } from '../store/locker-store';

/** Everything a pickup notice says; `code` is the only place the code exists in the clear. */
export interface PickupNotice {
  itemId: string;
  locker: string;
  lockerName: string;
  compartment: string;
  phone: string;
  applicantName: string;
  caseNumber: string;
  description: string;
  code: string;
  qr: string;
  at: string;
}

/**
 * Sends the applicant the pickup code. It runs inside the write's transaction, so it must only record what to send
 * (an outbox); an SMS gateway sends from its own record after the commit, and a notice is never lost to a crash.
 */
export interface Notifier {
  notify(notice: PickupNotice): void;
}

/**
 * The default notifier: the manager console shows the outbox, and the manager relays the notice, then marks it sent,
 * which erases it (the code then lives only as its keyed hash); an item collected first erases it too.
 */
export class OutboxNotifier implements Notifier {
  constructor(
    private readonly store: LockerStore,
    private readonly hallName: string,
  ) {}

  notify(n: PickupNotice): void {
    const text =
      `【${this.hallName}】${n.applicantName}，您的办件（${n.description}，办件编号 ${n.caseNumber}）已存入` +
      `${n.lockerName} ${n.compartment} 号格口。取件码 ${n.code}，在取件柜输入取件码或扫描二维码取件，取件码仅可使用一次。`;
    const entry: OutboxEntry = {
      id: randomUUID(),
      itemId: n.itemId,
      locker: n.locker,
      compartment: n.compartment,
      phone: n.phone,
      text,
      qr: n.qr,
      createdAt: n.at,
      erasedAt: null,
      sentAt: null,
    };
    this.store.insertNotice(entry);
  }
}
