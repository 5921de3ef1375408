import type { NoticeMessages } from '../../notice-text';

export const notice = {
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
} satisfies NoticeMessages;
