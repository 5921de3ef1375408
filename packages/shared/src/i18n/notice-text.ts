import type { NoticeFieldName, NoticeKind } from '../domain/notice';
import type { CitizenLanguage, Messages } from './create-i18n';
import { bo } from './locales/bo';
import { en } from './locales/en';
import { zh } from './locales/zh';

/** One language of the notices: a title for every kind and a label for every row (the domain's lists). */
export interface NoticeMessages extends Messages {
  title: Record<NoticeKind, string>;
  field: Record<NoticeFieldName, string>;
}

/**
 * The written notices a window hands the applicant (`domain/notice.ts`): 受理通知书, 一次性告知通知书, 不予受理通知书 and
 * the 转交 slip. The rights statement of a refusal follows 《行政复议法》 (60 days) and 《行政诉讼法》 (six months).
 * `{{subject}}` is `subject` or, for a ticket with no item, `subjectNoItem`.
 */
export const noticeText = { zh: zh.notice, bo: bo.notice, en: en.notice } satisfies Record<
  CitizenLanguage,
  NoticeMessages
>;
