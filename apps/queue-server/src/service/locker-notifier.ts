import type { NoticeChange } from '../store/notice-store';

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
 * The lockers' side of the notice queue. Both calls run inside the locker write's transaction, so they only record
 * (the queue sends after the commit, and a notice is never lost to a crash); each returns the notices it changed.
 */
export interface LockerNotices {
  pickupReady(notice: PickupNotice): NoticeChange[];
  /** The item left the locker: its notices are withdrawn (not yet out) or erased (out already). */
  itemOut(itemId: string, at: string): NoticeChange[];
  /** After the commit: the sender takes what was queued, and erased pages leave the WAL. */
  committed(erased: boolean): void;
}
