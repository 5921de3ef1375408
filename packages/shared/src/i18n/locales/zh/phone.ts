import type { Messages } from '../../create-i18n';

export const phone = {
  title: '排队进度',
  loading: '正在查询…',
  ticketNumber: '您的号码',
  validToday: '当日有效',
  peopleAhead: '前面还有 {{count}} 人',
  estimate: '预计等候约 {{count}} 分钟',
  noEstimate: '暂时无法估算等候时间',
  state: {
    waiting: '排队中，请留意叫号',
    transferred: '已转办，请继续等候叫号',
    called: '轮到您了',
    serving: '正在办理',
    finished: '已办理完毕，感谢您的耐心等候',
    no_show: '已过号。如仍需办理，请到咨询引导台',
    cancelled: '此号已取消',
    other_day: '这是 {{day}} 的号，号票仅当日有效',
  },
  goToWindow: '请到 <num>{{window}}</num> 号窗口',
  atWindow: '{{window}} 号窗口',
  link: {
    live: '实时更新',
    polling: '每 10 秒刷新一次',
    offline: '网络不稳定，正在重试…',
  },
  giveUp: {
    button: '放弃排队',
    question: '确定放弃 {{number}} 号吗？放弃后不能恢复，如需办理须重新取号。',
    confirm: '确定放弃',
    keep: '继续排队',
    sending: '正在提交…',
    failed: '未能放弃，请稍后再试',
  },
  notFound: {
    title: '未找到这张号票',
    body: '请核对号票上的二维码，或到咨询引导台询问。',
  },
  language: '语言',
} satisfies Messages;
