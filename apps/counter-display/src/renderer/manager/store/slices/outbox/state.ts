import type { OutboxEntry, RatingUploads } from '@hallq/shared/contracts';

/** The manager's 已发送 on one notice, while its request is out or after it failed. */
export interface NoticeSending {
  /** Kept for a retry after a network error, so the server marks the notice sent once. */
  requestId: string;
  sending: boolean;
  error: string | null;
}

export interface OutboxState {
  outbox: OutboxEntry[];
  /** 'idle' until the manager first opens the outbox: it holds phone numbers and pickup codes, fetched only when needed. */
  outboxStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** By notice id: the notices being marked sent, or whose marking failed. */
  noticeSending: Record<string, NoticeSending>;
  /** The 好差评 upload outbox (what waits for the province, what fails and why), loaded with the notices. */
  ratingUploads: RatingUploads | null;
}

export const initialOutboxState: OutboxState = {
  outbox: [],
  outboxStatus: 'idle',
  noticeSending: {},
  ratingUploads: null,
};
