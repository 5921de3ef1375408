import type { Namespace } from './create-i18n';

/**
 * Why a ticket could not be taken, keyed by the API error code. `tile` is the short form on a home tile; `title` and
 * `advice` are the refusal screen. `{{time}}` is when it opens (a clock time today, or a date and time); the
 * `…NoTime` forms are for when the server gives no time.
 */
export const refusalMessages = {
  zh: {
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
    not_found: {
      title: '没有找到您的预约',
      advice: '请核对预约码后重新输入，或直接取普通号。',
      adviceIdCard: '没有找到这张身份证今天的预约，可以直接取普通号。',
    },
  },
  bo: {
    closed_today: {
      tile: 'དེ་རིང་ལས་དོན་མི་སྒྲུབ། ཐེངས་རྗེས་མའི་ཨང་ལེན་དུས་ {{time}}',
      tileNoTime: 'དེ་རིང་ལས་དོན་མི་སྒྲུབ།',
      title: 'ལས་དོན་འདི་དེ་རིང་མི་སྒྲུབ།',
      advice: 'ཐེངས་རྗེས་མར་ཨང་གྲངས་ལེན་ཆོག་པའི་དུས་ཚོད་ནི་ {{time}} ཡིན།',
      adviceNoTime: 'ཉིན་གཞན་ཞིག་ལ་ཕེབས་རོགས། ཡང་ན་ལམ་སྟོན་པར་འདྲི་རོགས།',
    },
    not_yet_open: {
      tile: '{{time}} ནས་ཨང་གྲངས་ལེན་འགོ་འཛུགས།',
      tileNoTime: 'ཨང་གྲངས་ལེན་འགོ་མ་ཚུགས།',
      title: 'ཨང་གྲངས་ལེན་པའི་དུས་ཚོད་སླེབས་མེད།',
      advice: '{{time}} ནས་ཨང་གྲངས་ལེན་འགོ་འཛུགས། ཅུང་ཙམ་སྒུག་རོགས།',
      adviceNoTime: 'ཅུང་ཙམ་རྗེས་སུ་ཕེབས་རོགས། ཡང་ན་ལམ་སྟོན་པར་འདྲི་རོགས།',
    },
    lunch_break: {
      tile: 'ཉིན་གུང་ངལ་གསོ། {{time}} ནས་ཨང་གྲངས་སླར་ལེན།',
      tileNoTime: 'ཉིན་གུང་ངལ་གསོ།',
      title: 'ཉིན་གུང་ངལ་གསོའི་རིང་ཨང་གྲངས་ལེན་མཚམས་འཇོག',
      advice: '{{time}} ནས་ཨང་གྲངས་སླར་ལེན་ཆོག ཅུང་ཙམ་སྒུག་རོགས།',
      adviceNoTime: 'ཉིན་གུང་ངལ་གསོ་གྲོལ་རྗེས་ཨང་གྲངས་སླར་ལེན་ཆོག',
    },
    closed_for_day: {
      tile: 'དེ་རིང་ཨང་གྲངས་ལེན་མཚམས་བཞག ཐེངས་རྗེས་མ་ {{time}}',
      tileNoTime: 'དེ་རིང་ཨང་གྲངས་ལེན་མཚམས་བཞག',
      title: 'དེ་རིང་ཨང་གྲངས་ལེན་པའི་དུས་ཚོད་རྫོགས་ཟིན།',
      advice: 'ཐེངས་རྗེས་མར་ཨང་གྲངས་ལེན་ཆོག་པའི་དུས་ཚོད་ནི་ {{time}} ཡིན།',
      adviceNoTime: 'ཉིན་གཞན་ཞིག་ལ་ཕེབས་རོགས།',
    },
    cap_reached: {
      tile: 'དེ་རིང་གི་ཨང་གྲངས་ལེན་ཚར།',
      title: 'དེ་རིང་གི་ཨང་གྲངས་ཚང་མ་ལེན་ཚར་སོང་།',
      advice: 'ལས་དོན་འདིའི་ཨང་གྲངས་དེ་རིང་ལེན་མི་ཐུབ། ཉིན་གཞན་ཞིག་ལ་ཕེབས་རོགས། ཡང་ན་ལམ་སྟོན་པར་འདྲི་རོགས།',
    },
    appointment_too_early: {
      title: 'མིང་ཐོ་འགོད་པའི་དུས་ཚོད་སླེབས་མེད།',
      advice: 'ཁྱེད་ཀྱི་སྔོན་འཛིན་ {{time}} ནས་མིང་ཐོ་འགོད་ཆོག དུས་ཚོད་སླེབས་དུས་ཕེབས་རོགས།',
      adviceNoTime: 'སྔོན་འཛིན་དུས་ཚོད་ཉེ་བའི་སྐབས་སུ་མིང་ཐོ་འགོད་རོགས།',
    },
    appointment_missed: {
      title: 'སྔོན་འཛིན་གྱི་མིང་ཐོ་འགོད་དུས་ཡོལ་ཟིན།',
      advice: 'ཁྱེད་ཀྱི་སྔོན་འཛིན་དུས་ཡོལ་ཟིན། ཨང་གྲངས་རྒྱུན་ལྡན་ཞིག་ལེན་ནས་གྲལ་སྒུག་ཆོག',
    },
    appointment_used: {
      title: 'སྔོན་འཛིན་འདི་མིང་ཐོ་བཀོད་ཟིན།',
      advice: 'སྔོན་འཛིན་རེར་ཐེངས་གཅིག་ལས་མིང་ཐོ་འགོད་མི་ཆོག ཨང་འཛིན་བོར་ན་ལམ་སྟོན་པ་འབོད་རོགས།',
    },
    too_many_requests: {
      title: 'ཅུང་ཙམ་སྒུག་ནས་ཨང་གྲངས་ལེན་རོགས།',
      advice: '{{time}} རྗེས་སུ་ཡང་བསྐྱར་ཚོད་ལྟ་གནང་རོགས། རོགས་རམ་དགོས་ན་ལམ་སྟོན་པ་འབོད་རོགས།',
      adviceNoTime: 'ཅུང་ཙམ་སྒུག་ནས་ཡང་བསྐྱར་ཚོད་ལྟ་གནང་རོགས། རོགས་རམ་དགོས་ན་ལམ་སྟོན་པ་འབོད་རོགས།',
    },
    priority_not_offered: {
      title: 'ལས་དོན་འདིར་སྔོན་ལའི་ཨང་གྲངས་མེད།',
      advice: 'སྔོན་ལ་སྒྲུབ་དགོས་ན་ལམ་སྟོན་པ་འབོད་རོགས།',
    },
    not_found: {
      title: 'ཁྱེད་ཀྱི་སྔོན་འཛིན་རྙེད་མ་སོང་།',
      advice: 'སྔོན་འཛིན་ཨང་རྟགས་ཞིབ་བཤེར་བྱས་ནས་བསྐྱར་དུ་འཇུག་རོགས། ཡང་ན་ཨང་གྲངས་རྒྱུན་ལྡན་ལེན་རོགས།',
      adviceIdCard: 'ཐོབ་ཐང་ལག་ཁྱེར་འདིའི་དེ་རིང་གི་སྔོན་འཛིན་རྙེད་མ་སོང་། ཨང་གྲངས་རྒྱུན་ལྡན་ལེན་ཆོག',
    },
  },
  en: {
    closed_today: {
      tile: 'Not served today; next tickets {{time}}',
      tileNoTime: 'Not served today',
      title: 'This service is not available today',
      advice: 'Tickets can next be taken at {{time}}.',
      adviceNoTime: 'Please come back another day, or call a guide for help.',
    },
    not_yet_open: {
      tile: 'Tickets from {{time}}',
      tileNoTime: 'Not open yet',
      title: 'Tickets are not available yet',
      advice: 'Tickets can be taken from {{time}}. Please come back then.',
      adviceNoTime: 'Please come back a little later, or call a guide for help.',
    },
    lunch_break: {
      tile: 'Lunch break; tickets again at {{time}}',
      tileNoTime: 'Lunch break',
      title: 'Lunch break: no tickets for now',
      advice: 'Tickets can be taken again at {{time}}.',
      adviceNoTime: 'Tickets can be taken again after the lunch break.',
    },
    closed_for_day: {
      tile: 'Closed for today; next {{time}}',
      tileNoTime: 'Closed for today',
      title: 'Tickets for today have ended',
      advice: 'Tickets can next be taken at {{time}}.',
      adviceNoTime: 'Please come back another day.',
    },
    cap_reached: {
      tile: "Today's tickets are all taken",
      title: "Today's tickets are all taken",
      advice: 'No more tickets for this service today. Please come back another day, or call a guide for help.',
    },
    appointment_too_early: {
      title: 'Too early to check in',
      advice: 'You can check in for your appointment from {{time}}. Please come back then.',
      adviceNoTime: 'Please come back closer to your appointment time to check in.',
    },
    appointment_missed: {
      title: 'The check-in time has passed',
      advice: 'Your appointment has expired. You can take a normal ticket and queue.',
    },
    appointment_used: {
      title: 'This appointment is already checked in',
      advice: 'Each appointment checks in once. If you lost the ticket, please call a guide.',
    },
    too_many_requests: {
      title: 'Please wait a moment',
      advice: 'This kiosk has just issued many tickets. Please try again after {{time}}, or call a guide.',
      adviceNoTime: 'This kiosk has just issued many tickets. Please try again shortly, or call a guide.',
    },
    priority_not_offered: {
      title: 'No priority tickets for this service',
      advice: 'For priority service, please call a guide.',
    },
    not_found: {
      title: 'We could not find your appointment',
      advice: 'Please check the code and enter it again, or take a normal ticket.',
      adviceIdCard: 'There is no appointment today for this ID card. You can take a normal ticket.',
    },
  },
} satisfies Namespace;
