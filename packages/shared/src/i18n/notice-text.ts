import type { NoticeFieldName, NoticeKind } from '../domain/notice';
import type { Messages, Namespace } from './create-i18n';

/** One language of the notices: a title for every kind and a label for every row (the domain's lists). */
interface NoticeMessages extends Messages {
  title: Record<NoticeKind, string>;
  field: Record<NoticeFieldName, string>;
}

/**
 * The written notices a window hands the applicant (`domain/notice.ts`): 受理通知书, 一次性告知通知书, 不予受理通知书 and
 * the 转交 slip. The rights statement of a refusal follows 《行政复议法》 (60 days) and 《行政诉讼法》 (six months).
 * `{{subject}}` is `subject` or, for a ticket with no item, `subjectNoItem`.
 */
export const noticeText = {
  zh: {
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
  },
  bo: {
    title: {
      accepted: 'ལེན་བཞེས་བརྡ་ཐོ།',
      incomplete: 'ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་ཀྱི་བརྡ་ཐོ།',
      rejected: 'ལེན་བཞེས་མི་བྱེད་པའི་བརྡ་ཐོ།',
      transferred: 'སྤྲོད་སྐྱེལ་བརྡ་ཤོག',
    },
    field: {
      item: 'ཞུ་བའི་ལས་དོན།',
      department: 'འགན་འཁུར་ལས་ཁུངས།',
      applicant: 'ཞུ་མཁན།',
      noticeNumber: 'ཨང་རྟགས།',
      ticketNumber: 'ཨང་གྲངས།',
      window: 'སྒེའུ་ཁུང་།',
      clerk: 'ལས་བྱེད་པ།',
      date: 'ཚེས་གྲངས།',
    },
    subject: 'ཁྱེད་ཀྱིས་ཞུ་བའི་ལས་དོན་ “{{item}}”',
    subjectNoItem: 'ཁྱེད་ཀྱིས་ཞུ་བའི་ལས་དོན།',
    accepted: {
      intro: '{{subject}} ཡིག་ཆ་ཚང་ཞིང་ཁྲིམས་ལུགས་དང་མཐུན་པས་ལེན་བཞེས་བྱས་ཟིན།',
      promised: '{{date}} སྔོན་ལ་སྒྲུབ་རྒྱུའི་ཁས་ལེན་ཞུ། (ལས་ཉིན་ལྟར་རྩིས་ཤིང་ཁྲིམས་ལྡན་གྱི་གཟའ་མཚམས་མི་རྩི།)',
      keep: 'བརྡ་ཐོ་འདི་ལེགས་པར་ཉར་ནས་ཨང་རྟགས་ཀྱིས་ལས་དོན་གྱི་གནས་སྟངས་འདྲི་བ་དང་གྲུབ་འབྲས་ལེན་རོགས།',
    },
    incomplete: {
      intro: '{{subject}} ཞིབ་བཤེར་བྱས་པར་ཡིག་ཆ་མ་ཚང་བའམ་ཁྲིམས་ལུགས་དང་མི་མཐུན། ཁ་སྐོང་དགོས་པའི་ཡིག་ཆ་ཚང་མ་ཐེངས་གཅིག་ལ་བརྡ་ཁྱབ་ཞུ།',
      outro: 'གོང་གི་ཡིག་ཆ་ཚང་མ་ཁ་སྐོང་བྱས་རྗེས་བརྡ་ཐོ་འདི་ཁྱེར་ནས་ཡང་བསྐྱར་ཕེབས་རོགས།',
    },
    rejected: {
      intro: '{{subject}} ཞིབ་བཤེར་བྱས་རྗེས་ལེན་བཞེས་མི་བྱེད་པའི་ཐག་གཅོད་བྱས། རྒྱུ་མཚན་ནི།',
      referTo: 'གཤམ་གྱི་ལས་ཁུངས་སམ་ཚོགས་པར་ཞུ་རོགས། {{place}}',
      rights:
        'ཐག་གཅོད་འདིར་ཡིད་མ་ཚིམ་ན། བརྡ་ཐོ་འདི་ལེན་པའི་ཉིན་ནས་ཉིན་ 60 ནང་ཁྲིམས་ལྟར་སྲིད་འཛིན་བསྐྱར་ཞིབ་ཞུ་ཆོག་པའམ། ཟླ་བ་ 6 ནང་ཁྲིམས་ལྟར་མི་དམངས་ཁྲིམས་ཁང་དུ་སྲིད་འཛིན་ཁྲིམས་གཏུག་བྱེད་ཆོག',
    },
    transferred: {
      intro: '{{subject}} གཤམ་གྱི་སྒེའུ་ཁུང་དུ་མུ་མཐུད་སྒྲུབ་དགོས།',
      windowType: 'སྒེའུ་ཁུང་གི་རིགས། {{name}}',
      window: 'སྒེའུ་ཁུང་། {{name}}',
      note: 'གསལ་བཤད། {{note}}',
      outro: 'ཤོག་བྱང་འདི་ཁྱེར་ནས་ཕེབས་རོགས། ཨང་གྲངས་ {{number}} ནུས་ལྡན་ཡིན་ཞིང་སྔོན་ལ་ཞབས་ཞུ་ཞུ། ཨང་གསར་པ་ལེན་མི་དགོས།',
    },
    clerk: 'ལས་ཨང་། {{id}}',
    clerkNamed: '{{name}} (ལས་ཨང་། {{id}})',
    date: 'སྤྱི་ལོ་ {{year}} ཟླ་ {{month}} ཚེས་ {{day}}',
    seal: '(ཐམ་ག)',
    sealPlace: 'ཐམ་ག་རྒྱག་ས།',
  },
  en: {
    title: {
      accepted: 'Notice of Acceptance',
      incomplete: 'Notice of Missing Materials',
      rejected: 'Notice of Non-acceptance',
      transferred: 'Transfer Slip',
    },
    field: {
      item: 'Service applied for',
      department: 'Department',
      applicant: 'Applicant',
      noticeNumber: 'Number',
      ticketNumber: 'Queue number',
      window: 'Window',
      clerk: 'Handled by',
      date: 'Date',
    },
    subject: 'Your application for “{{item}}”',
    subjectNoItem: 'Your application',
    accepted: {
      intro: '{{subject}} is complete and in the required form, and has been accepted.',
      promised: 'We promise to complete it by {{date}} (counted in working days, public holidays excluded).',
      keep: 'Please keep this notice: quote its number to ask about progress and to collect the result.',
    },
    incomplete: {
      intro:
        '{{subject}} cannot be accepted yet: materials are missing or not in the required form. These are all the materials you still need to bring:',
      outro: 'Please come back with the materials above and this notice.',
    },
    rejected: {
      intro: '{{subject}} has been examined and is not accepted, for this reason:',
      referTo: 'Please apply to: {{place}}',
      rights:
        'If you disagree with this decision, you may apply for administrative review within 60 days of receiving this notice, or bring an administrative lawsuit before a people’s court within six months.',
    },
    transferred: {
      intro: '{{subject}} continues at another window:',
      windowType: 'Window type: {{name}}',
      window: 'Window: {{name}}',
      note: 'Note: {{note}}',
      outro:
        'Take this slip there: your queue number {{number}} stays valid and is served first; no new ticket is needed.',
    },
    clerk: 'Staff no. {{id}}',
    clerkNamed: '{{name}} (staff no. {{id}})',
    date: '{{day}}/{{month}}/{{year}}',
    seal: '(Seal)',
    sealPlace: 'Seal here',
  },
} satisfies Record<keyof Namespace, NoticeMessages>;
