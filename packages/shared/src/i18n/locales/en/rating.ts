import type { Messages } from '../../create-i18n';

export const rating = {
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
} satisfies Messages;
