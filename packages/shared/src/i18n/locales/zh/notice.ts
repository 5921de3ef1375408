import type { NoticeMessages } from '../../notice-text';

export const notice = {
  title: {
    accepted: '受理通知书',
    incomplete: '一次性告知通知书',
    rejected: '不予受理通知书',
    transferred: '转交通知单',
  },
  field: {
    item: '申请事项',
    department: '承办部门',
    applicant: '申请人',
    noticeNumber: '编号',
    ticketNumber: '排队号',
    window: '办理窗口',
    clerk: '经办人',
    date: '日期',
  },
  subject: '您申请办理的“{{item}}”事项',
  subjectNoItem: '您申请办理的事项',
  accepted: {
    intro: '{{subject}}，申请材料齐全、符合法定形式，现予受理。',
    promised: '承诺于{{date}}前办结（按工作日计算，法定节假日除外）。',
    keep: '请妥善保管本通知书，凭编号查询办理进度、领取办理结果。',
  },
  incomplete: {
    intro: '{{subject}}，经审查，申请材料不齐全或者不符合法定形式。现一次性告知您需要补正的全部材料：',
    outro: '请补齐上述材料后，持本通知书再来办理。',
  },
  rejected: {
    intro: '{{subject}}，经审查，决定不予受理。理由如下：',
    referTo: '请向以下部门或机构申请：{{place}}',
    rights:
      '如对本决定不服，可以自收到本通知书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
  },
  transferred: {
    intro: '{{subject}}，需转至以下窗口继续办理：',
    windowType: '窗口类型：{{name}}',
    window: '窗口：{{name}}',
    note: '说明：{{note}}',
    outro: '请持本单前往，您的排队号 {{number}} 继续有效并优先办理，无需重新取号。',
  },
  clerk: '工号 {{id}}',
  clerkNamed: '{{name}}（工号 {{id}}）',
  date: '{{year}}年{{month}}月{{day}}日',
  seal: '（盖章）',
  sealPlace: '盖章处',
} satisfies NoticeMessages;
