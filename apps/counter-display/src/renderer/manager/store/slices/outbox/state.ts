import type { Notice, NoticeStatus, NoticesResponse, RatingUploads } from '@hallq/shared/contracts';

/** What the manager can do to a notice: 重新发送, 交窗口转达, 已转达. */
export type NoticeActionKind = 'resend' | 'toWindow' | 'relayed';

/** The manager's last action on one notice, while its request is out or after it failed. */
export interface NoticeRequest {
  action: NoticeActionKind;
  /** Reused when the same action is pressed again after its answer never came, so the server acts once. */
  requestId: string;
  sending: boolean;
  /** The answer never came (network error): the request may have been carried out. */
  unanswered: boolean;
  error: string | null;
}

export interface OutboxState {
  /** The notices of the chosen status (all when none), newest first, as the server last listed them. */
  notices: Notice[];
  noticeSender: NoticesResponse['sender'] | null;
  /** Over every notice kept, whatever the filter. */
  noticeCounts: NoticesResponse['counts'] | null;
  /** The status listed; null for 全部. */
  noticeFilter: NoticeStatus | null;
  /** 'idle' until the manager first opens the outbox: it holds phone numbers and pickup codes, fetched only when needed. */
  outboxStatus: 'idle' | 'loading' | 'loaded' | 'failed';
  /** By notice id: the notices being acted on, or whose action failed. */
  noticeRequests: Record<string, NoticeRequest>;
  /** The 好差评 upload outbox (what waits for the province, what fails and why), loaded with the notices. */
  ratingUploads: RatingUploads | null;
}

export const initialOutboxState: OutboxState = {
  notices: [],
  noticeSender: null,
  noticeCounts: null,
  noticeFilter: null,
  outboxStatus: 'idle',
  noticeRequests: {},
  ratingUploads: null,
};
