import type { Messages } from '../../create-i18n';

export const display = {
  nowCalling: 'Now calling',
  recentCalls: 'Recent calls',
  waiting: 'Waiting',
  noCalls: 'No calls yet',
  window: 'Window {{window}}',
  callLine: 'Number {{number}}, please go to window {{window}}',
  people: '{{count}} waiting',
  notTaking: 'Not taking tickets',
  welcome:
    'Welcome! After taking a ticket, please listen for your number and go to the window called. Tickets are valid today only.',
  offline: 'Connection lost, reconnecting…',
  enableVoice: 'Tap to turn on voice announcements',
  needKey: 'This screen is not set up: open this page with ?key=<device key>',
  rejectedKey: 'The device key was refused; please contact the administrator',
  windowScreen: {
    serving: 'Now serving',
    idle: 'Please wait to be called',
    clerk: 'Staff no. {{staffId}}',
    clerkNamed: '{{name}}, staff no. {{staffId}}',
    noClerk: 'No staff at this window now',
    closed: 'Closed',
    paused: {
      lunch: 'Lunch break',
      meeting: 'Paused (meeting)',
      away: 'Away for a moment, please wait',
      other: 'Paused',
    },
    needWindow: 'This screen is not set up: open this page with ?window=<number>&key=<device key>',
  },
} satisfies Messages;
