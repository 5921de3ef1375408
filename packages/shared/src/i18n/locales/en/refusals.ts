import type { Messages } from '../../create-i18n';

export const refusals = {
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
  per_person_cap: {
    title: 'You have already taken a ticket for this today',
    advice: 'Each person may take only so many tickets for this service a day. Call a guide if you need help.',
  },
  id_card_required: {
    title: 'This service needs your ID card',
    advice: 'Choose the service again and place your ID card on the reader when asked.',
  },
  not_found: {
    title: 'We could not find your appointment',
    advice: 'Please check the code and enter it again, or take a normal ticket.',
    adviceIdCard: 'There is no appointment today for this ID card. You can take a normal ticket.',
  },
} satisfies Messages;
