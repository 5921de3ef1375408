import type { Notice, NoticeStatus } from '@hallq/shared/contracts';
import type { NoticeActionKind } from './state';

/** Newest first: the notice just written is the one most likely to need the manager. */
export function newestFirst(notices: readonly Notice[]): Notice[] {
  return [...notices].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** What the server lets the manager do to a notice in this status (a delivered, relayed or withdrawn one is done). */
const ACTIONS: Record<NoticeStatus, readonly NoticeActionKind[]> = {
  pending: ['toWindow'],
  // Sent but no delivery report yet: it may never have reached the phone.
  sent: ['resend', 'toWindow', 'relayed'],
  delivered: [],
  failed: ['resend', 'toWindow', 'relayed'],
  at_window: ['relayed'],
  relayed: [],
  withdrawn: [],
};

export function noticeActions(notice: Notice): readonly NoticeActionKind[] {
  return ACTIONS[notice.status];
}

/** A slip for the window's clerk, who phones the citizen: only while the notice waits there and its text is kept. */
export function printable(notice: Notice): boolean {
  return notice.status === 'at_window' && notice.text !== null;
}

export function totalCount(counts: Readonly<Record<NoticeStatus, number>>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}
