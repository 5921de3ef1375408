import type { Namespace } from './create-i18n';

/**
 * The rating pad (好差评) at a window. Rating is voluntary: nothing here may suggest that a citizen who does not
 * answer has rated the service. Language names are written in their own language in every catalogue.
 */
export const ratingMessages = {
  zh: {
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
  },
  bo: {
    language: { zh: '中文', bo: 'བོད་ཡིག', en: 'English' },
    setup: {
      title: 'བསམ་འཆར་འཕྲུལ་ཆས་སྒྲིག་འགོད་བྱས་མེད།',
      body: 'ལས་བྱེད་པས་དྲ་ཚིགས་རྗེས་སུ་ ?window=སྒེའུ་ཁུང་ཨང་&key=སྒྲིག་ཆས་ལྡེ་མིག་ བསྣན་ནས་ཤོག་ངོས་འདི་ཁ་ཕྱེ་རོགས། (ཐེངས་གཅིག་ཁོ་ན།)',
      unauthorized: 'སྒྲིག་ཆས་ལྡེ་མིག་ནོར་འདུག་གམ་བཀག་འདུག དོ་དམ་པར་འབྲེལ་བ་གནང་རོགས།',
    },
    status: {
      loading: 'ཞབས་ཞུ་འཕྲུལ་ཆས་ལ་འབྲེལ་མཐུད་བྱེད་བཞིན་པ།',
      reconnecting: 'དྲ་རྒྱ་ཆད་འདུག བསྐྱར་དུ་འབྲེལ་མཐུད་བྱེད་བཞིན་པ།',
    },
    idle: {
      welcome: 'བྱོན་པ་ལེགས།',
      window: 'སྒེའུ་ཁུང་ {{number}}',
      hint: 'ལས་དོན་གྲུབ་རྗེས་འདིར་ཞབས་ཞུར་བསམ་འཆར་འགོད་ཆོག',
      ended: 'དུས་ཚོད་རྫོགས་སོང་། ཞབས་ཞུ་འདིར་བསམ་འཆར་བཀོད་མེད།',
    },
    ask: {
      title: 'ཞབས་ཞུ་འདིར་བསམ་འཆར་འགོད་རོགས།',
      ticket: 'ཨང་གྲངས། {{number}}',
      clerk: 'ལས་ཨང་། {{id}}',
      clerkNamed: '{{name}} (ལས་ཨང་། {{id}})',
      voluntary: 'བསམ་འཆར་རང་མོས་ཡིན། མ་བཀོད་ནའང་ཡིད་ཚིམ་དུ་རྩི་གི་མེད།',
      countdown: 'སྐར་ཆ་ {{seconds}} ལྷག་ཡོད།',
    },
    level: {
      very_satisfied: 'ཧ་ཅང་ཡིད་ཚིམ།',
      satisfied: 'ཡིད་ཚིམ།',
      basically_satisfied: 'ཕལ་ཆེར་ཡིད་ཚིམ།',
      dissatisfied: 'ཡིད་མ་ཚིམ།',
      very_dissatisfied: 'ཧ་ཅང་ཡིད་མ་ཚིམ།',
    },
    reason: {
      title: 'གང་ལ་ཡིད་མ་ཚིམ་པ་ང་ཚོར་ཤོད་རོགས། (གཅིག་འདེམས།)',
      other: 'གཞན། (ལས་བྱེད་པར་ཤོད་རོགས།)',
      otherHint: 'གནས་ཚུལ་ཞིབ་ཕྲ་ལས་བྱེད་པར་ཐད་ཀར་ཤོད་ཆོག',
      back: 'བསྐྱར་དུ་འདེམས།',
    },
    submit: 'བསམ་འཆར་ཕུལ།',
    sending: 'ཕུལ་བཞིན་པ།',
    failed: 'ཕུལ་མ་ཐུབ། "བསམ་འཆར་ཕུལ།" ཡང་བསྐྱར་མནན་རོགས།',
    thanks: {
      title: 'བསམ་འཆར་བཀོད་པར་ཐུགས་རྗེ་ཆེ།',
      bad: 'ང་ཚོས་ཞིབ་བཤེར་བྱས་ནས་མྱུར་དུ་ལེགས་བཅོས་བྱེད་ངེས།',
    },
  },
  en: {
    language: { zh: '中文', bo: 'བོད་ཡིག', en: 'English' },
    setup: {
      title: 'This rating pad is not set up',
      body: 'Staff: open this page once with ?window=<window number>&key=<device key> added to the address.',
      unauthorized: 'The device key is wrong or disabled; please contact the hall manager.',
    },
    status: {
      loading: 'Connecting to the server…',
      reconnecting: 'Connection lost, reconnecting…',
    },
    idle: {
      welcome: 'Welcome',
      window: 'Window {{number}}',
      hint: 'When your service is done, you may rate it here',
      ended: 'Time is up: no rating was recorded for this service',
    },
    ask: {
      title: 'Please rate this service',
      ticket: 'Number {{number}}',
      clerk: 'Staff no. {{id}}',
      clerkNamed: '{{name}} (staff no. {{id}})',
      voluntary: 'Rating is voluntary; no answer is never counted as satisfied',
      countdown: '{{seconds}} s left',
    },
    level: {
      very_satisfied: 'Very satisfied',
      satisfied: 'Satisfied',
      basically_satisfied: 'Fairly satisfied',
      dissatisfied: 'Dissatisfied',
      very_dissatisfied: 'Very dissatisfied',
    },
    reason: {
      title: 'Please tell us what went wrong (choose one)',
      other: 'Something else (please tell the staff)',
      otherHint: 'You can tell the staff at the window what happened',
      back: 'Choose again',
    },
    submit: 'Submit rating',
    sending: 'Sending…',
    failed: 'It was not sent; please press "Submit rating" again',
    thanks: {
      title: 'Thank you for your rating!',
      bad: 'We will look into it and put it right',
    },
  },
} satisfies Namespace;
