import type { OutboxEntry } from '@hallq/shared/contracts';

/** Newest first: the notice just written is the one the manager has to relay. */
export function newestFirst(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * Where a notice stands: `live` (text and code shown, to relay), `sent` (relayed by the manager, erased then) or
 * `collected` (erased when its item left the locker before it was marked sent).
 */
export type NoticeStage = 'live' | 'sent' | 'collected';

export function noticeStage(entry: OutboxEntry): NoticeStage {
  if (entry.sentAt !== null) return 'sent';
  return entry.erasedAt !== null ? 'collected' : 'live';
}
