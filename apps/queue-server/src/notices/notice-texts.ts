import type { FollowUp } from '@hallq/shared/contracts';
import type { PickupNotice } from '../service/locker-notifier';
import type { OverdueItem } from '../store/notice-store';

/** "智能柜 A 03 号格口": what the manager's list says a locker notice is about. */
export const compartmentSubject = (lockerName: string, compartment: string): string =>
  `${lockerName} ${compartment} 号格口`;

/** The pickup notice: the one place the code is written in the clear. */
export function pickupText(hallName: string, n: PickupNotice): string {
  return (
    `【${hallName}】${n.applicantName}，您的办件（${n.description}，办件编号 ${n.caseNumber}）已存入` +
    `${n.lockerName} ${n.compartment} 号格口。取件码 ${n.code}，在取件柜输入取件码或扫描二维码取件，取件码仅可使用一次。`
  );
}

/** The reminder once an item waited past the pickup days; the code is not repeated (the server keeps only its hash). */
export function overdueText(hallName: string, lockerName: string, days: number, item: OverdueItem): string {
  return (
    `【${hallName}】${item.applicantName}，您的办件（${item.description}，办件编号 ${item.caseNumber}）已在` +
    `${lockerName} ${item.compartment} 号格口存放超过 ${days} 天，请尽快凭取件码取件；取件码遗失的，请到综合出件窗口领取。`
  );
}

/** To the member of staff: which service was rated badly and by when to call back; nothing of the citizen. */
export function followUpText(hallName: string, followUp: FollowUp): string {
  const { rating } = followUp;
  return (
    `【${hallName}】您有一条差评回访待办：${rating.hallDay} ${rating.window} 号窗口 ${rating.ticketNumber} 号，` +
    `请在 ${followUp.deadline} 前回访并在管理台记录。`
  );
}

/** The manager's test SMS: fixed, so it carries nothing of anyone and says only that texts go out. */
export const testText = (hallName: string): string => `【${hallName}】这是一条测试短信，收到说明短信发送正常。`;
