import type { NoticeKind, NoticeSenderKind, NoticeStatus } from '@hallq/shared/contracts';
import type { NoticeActionKind } from '../store/slices/outbox/state';

/** The notices' words as the hall office says them. */
export const KIND_LABEL: Record<NoticeKind, string> = {
  pickup_ready: '取件通知',
  pickup_overdue: '逾期提醒',
  follow_up_callback: '回访提醒',
  test: '测试短信',
};

export const SENDER_LABEL: Record<NoticeSenderKind, string> = {
  modem: '短信猫',
  gateway: '短信网关',
  window: '窗口打印转达',
  kiosk: '取号机短信猫',
};

export const STATUS_LABEL: Record<NoticeStatus, string> = {
  pending: '待发送',
  sent: '已发送',
  delivered: '已送达',
  failed: '发送失败',
  at_window: '交窗口',
  relayed: '已转达',
  withdrawn: '已撤回',
};

export const ACTION_LABEL: Record<NoticeActionKind, string> = {
  resend: '重新发送',
  toWindow: '交窗口转达',
  relayed: '已转达',
};
