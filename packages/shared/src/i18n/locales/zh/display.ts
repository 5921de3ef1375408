import type { Messages } from '../../create-i18n';

export const display = {
  nowCalling: '正在呼叫',
  recentCalls: '最近呼叫',
  waiting: '等候人数',
  noCalls: '暂无呼叫',
  window: '{{window}}号窗口',
  callLine: '请 {{number}} 号到 {{window}} 号窗口办理',
  people: '{{count}} 人',
  notTaking: '暂停取号',
  welcome: '欢迎光临！取号后请留意叫号，听到您的号码请到对应窗口办理。当日取号，当日有效。',
  offline: '连接中断，正在重连…',
  enableVoice: '点击开启语音播报',
  needKey: '此屏幕尚未配置：请用 ?key=设备密钥 打开本页面',
  rejectedKey: '设备密钥无效，请联系管理员',
  windowScreen: {
    serving: '正在办理',
    idle: '请等候叫号',
    clerk: '工号 {{staffId}}',
    clerkNamed: '{{name}}　工号 {{staffId}}',
    noClerk: '本窗口暂无工作人员',
    closed: '暂停服务',
    paused: {
      lunch: '午间休息',
      meeting: '暂停服务（会议）',
      away: '暂时离开，请稍候',
      other: '暂停服务',
    },
    needWindow: '此屏幕尚未配置：请用 ?window=窗口号&key=设备密钥 打开本页面',
  },
} satisfies Messages;
