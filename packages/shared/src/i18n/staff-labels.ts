import type { GuideCall } from '../contracts/guide-calls';
import type { TicketState } from '../domain/ticket';
import type { PauseReason, WindowStatus } from '../domain/window';

// The names staff screens (the counter panel, the manager console) give to the hall's states. Each state has one
// name, kept here and nowhere else, so two screens can never call the same thing by two names. Staff screens are in
// Chinese only, so these are not in the citizen catalogue.

/** A ticket's state. */
export const TICKET_STATE_LABEL: Record<TicketState, string> = {
  waiting: '等候中',
  called: '呼叫中',
  serving: '办理中',
  finished: '已完成',
  no_show: '过号',
  cancelled: '已取消',
  transferred: '已转交',
};

/** A window's status. */
export const WINDOW_STATUS_LABEL: Record<WindowStatus, string> = { open: '开放', paused: '暂停', closed: '关闭' };

/** Why a window is paused. */
export const PAUSE_REASON_LABEL: Record<PauseReason, string> = {
  lunch: '午休',
  meeting: '开会',
  away: '暂离',
  other: '其他',
};

/** What a citizen called a guide for, as chosen on the kiosk. */
export const GUIDE_REASON_LABEL: Record<GuideCall['reason'], string> = {
  general: '需要帮助',
  priority: '优先人群',
  language: '语言帮助',
  appointment: '预约问题',
};
