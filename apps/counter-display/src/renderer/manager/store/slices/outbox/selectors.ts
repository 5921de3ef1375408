import type { OutboxEntry } from '@hallq/shared/contracts';

/** Newest first: the notice just written is the one the manager has to relay. */
export function newestFirst(entries: readonly OutboxEntry[]): OutboxEntry[] {
  return [...entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
