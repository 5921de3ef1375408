import type { Messages } from '../../create-i18n';

export const rating = {
  language: { zh: '中文', bo: 'བོད་ཡིག', en: 'English' },
  setup: {
    title: '评价器尚未设置',
    body: '请工作人员在网址后加上 ?window=窗口号&key=设备密钥 打开本页（只需一次）。',
    unauthorized: '设备密钥无效或已停用，请联系大厅管理员。',
  },
  status: {
    loading: '正在连接服务器…',
    reconnecting: '网络中断，正在重新连接…',
  },
  idle: {
    welcome: '欢迎',
    window: '{{number}}号窗口',
    hint: '办理结束后，可在这里对本次服务进行评价',
    ended: '评价时间已过，本次服务未作评价',
  },
  ask: {
    title: '请对本次服务进行评价',
    ticket: '号码 {{number}}',
    clerk: '工号 {{id}}',
    clerkNamed: '{{name}}（工号 {{id}}）',
    voluntary: '评价自愿，不评价也不会记为满意',
    countdown: '还有 {{seconds}} 秒',
  },
  level: {
    very_satisfied: '非常满意',
    satisfied: '满意',
    basically_satisfied: '基本满意',
    dissatisfied: '不满意',
    very_dissatisfied: '非常不满意',
  },
  reason: {
    title: '请告诉我们哪里不满意（选一项）',
    other: '其他（请告诉工作人员）',
    otherHint: '具体情况可以直接告诉工作人员',
    back: '重新选择评价',
  },
  submit: '提交评价',
  sending: '正在提交…',
  failed: '提交没有成功，请再点一次“提交评价”',
  thanks: {
    title: '谢谢您的评价！',
    bad: '我们会认真核查，尽快改进',
  },
} satisfies Messages;
