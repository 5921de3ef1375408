import type { Messages } from '../../create-i18n';

export const refusals = {
  closed_today: {
    tile: '今日不办理，下次取号 {{time}}',
    tileNoTime: '今日不办理',
    title: '此项业务今天不办理',
    advice: '下次可以取号的时间是 {{time}}。',
    adviceNoTime: '请改日再来，或呼叫导办人员咨询。',
  },
  not_yet_open: {
    tile: '{{time}} 开始取号',
    tileNoTime: '尚未开始取号',
    title: '还没到取号时间',
    advice: '{{time}} 开始取号，请稍候再来。',
    adviceNoTime: '请稍候再来，或呼叫导办人员咨询。',
  },
  lunch_break: {
    tile: '午间休息，{{time}} 恢复取号',
    tileNoTime: '午间休息',
    title: '午间休息，暂停取号',
    advice: '{{time}} 恢复取号，请稍候。',
    adviceNoTime: '午休结束后恢复取号，请稍候。',
  },
  closed_for_day: {
    tile: '今日已停止取号，下次 {{time}}',
    tileNoTime: '今日已停止取号',
    title: '今天的取号时间已经结束',
    advice: '下次可以取号的时间是 {{time}}。',
    adviceNoTime: '请改日再来。',
  },
  cap_reached: {
    tile: '今日号已取完',
    title: '今天的号已经取完了',
    advice: '此项业务今天不能再取号，请改日再来，或呼叫导办人员咨询其他办法。',
  },
  appointment_too_early: {
    title: '还没到签到时间',
    advice: '您的预约可以从 {{time}} 开始签到，请到时再来。',
    adviceNoTime: '请在接近预约时间时再来签到。',
  },
  appointment_missed: {
    title: '预约签到时间已过',
    advice: '您的预约已经过期，可以直接取一个普通号排队办理。',
  },
  appointment_used: {
    title: '这个预约已经签到过了',
    advice: '每个预约只能签到一次。如果号票丢失，请呼叫导办人员帮助。',
  },
  too_many_requests: {
    title: '请稍候再取号',
    advice: '本机刚刚取号较多，请于 {{time}} 后再试；如需帮助，请呼叫导办人员。',
    adviceNoTime: '本机刚刚取号较多，请稍候再试；如需帮助，请呼叫导办人员。',
  },
  priority_not_offered: {
    title: '此项业务不发优先号',
    advice: '如需优先办理，请呼叫导办人员帮助。',
  },
  per_person_cap: {
    title: '今天已经取过这项业务的号了',
    advice: '这项业务每人每天限取，您今天的号已经取过。如需帮助，请呼叫导办人员。',
  },
  id_card_required: {
    title: '这项业务须刷身份证取号',
    advice: '请重新选择这项业务，并按提示把身份证放在读卡区。',
  },
  not_found: {
    title: '没有找到您的预约',
    advice: '请核对预约码后重新输入，或直接取普通号。',
    adviceIdCard: '没有找到这张身份证今天的预约，可以直接取普通号。',
  },
} satisfies Messages;
