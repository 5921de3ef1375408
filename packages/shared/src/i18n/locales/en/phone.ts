import type { Messages } from '../../create-i18n';

export const phone = {
  title: 'Your place in the queue',
  loading: 'Looking up your ticket…',
  ticketNumber: 'Your number',
  validToday: 'Valid today only',
  peopleAhead_one: '{{count}} person ahead of you',
  peopleAhead_other: '{{count}} people ahead of you',
  estimate_one: 'About {{count}} minute to wait',
  estimate_other: 'About {{count}} minutes to wait',
  noEstimate: 'The wait cannot be estimated yet',
  state: {
    waiting: 'Waiting: watch for your number',
    transferred: 'Transferred: please keep waiting for your number',
    called: 'It is your turn',
    serving: 'Being served',
    finished: 'Done. Thank you for your patience',
    no_show: 'Your number was called and missed. If you still need service, please ask at the guide desk',
    cancelled: 'This ticket was cancelled',
    other_day: 'This ticket is from {{day}}; tickets are valid on their day only',
  },
  goToWindow: 'Please go to window <num>{{window}}</num>',
  atWindow: 'Window {{window}}',
  link: {
    live: 'Live',
    polling: 'Refreshed every 10 seconds',
    offline: 'Connection unstable, retrying…',
  },
  giveUp: {
    button: 'Give up my place',
    question: 'Give up number {{number}}? This cannot be undone: you would need a new ticket.',
    confirm: 'Yes, give it up',
    keep: 'Keep my place',
    sending: 'Sending…',
    failed: 'Could not give up the ticket, please try again',
  },
  notFound: {
    title: 'This ticket was not found',
    body: 'Check the QR code on your ticket, or ask at the guide desk.',
  },
  language: 'Language',
} satisfies Messages;
