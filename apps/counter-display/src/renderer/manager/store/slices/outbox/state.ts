import type { OutboxEntry } from '@hallq/shared/contracts';

export interface OutboxState {
  outbox: OutboxEntry[];
  /** 'idle' until the manager first opens the outbox: it holds phone numbers and pickup codes, fetched only when needed. */
  outboxStatus: 'idle' | 'loading' | 'loaded' | 'failed';
}

export const initialOutboxState: OutboxState = { outbox: [], outboxStatus: 'idle' };
