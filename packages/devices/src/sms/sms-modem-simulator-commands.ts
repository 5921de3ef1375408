import type { SimulatedSms, SmsModemSimulator } from './sms-modem-simulator';

export const MODEM_COMMANDS =
  'nosim|sim|pin, unregister|register, fail <code>, deliver [ref] [status], list, silent|speak|slow <ms>';

/** The recipient with all but its last four digits hidden: the terminal of a demo is still a screen people see. */
const masked = (number: string) => number.replace(/\d(?=\d{4})/g, '*');
export const describeSms = (sms: SimulatedSms) => `${masked(sms.recipient)} [${sms.references.join(' ')}]: ${sms.text}`;

/**
 * One command typed at a simulated modem (its CLI, the demo hall's terminal): the demo's buttons. Answers what to
 * tell the person, or throws with the problem.
 */
export function runModemCommand(simulator: SmsModemSimulator, line: string): string | null {
  const [verb, ...args] = line.trim().split(/\s+/);
  const numbers = args.map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('numbers must be whole and 0 or more');
  switch (verb) {
    case 'nosim':
      simulator.sim = 'absent';
      return 'SIM taken out';
    case 'sim':
      simulator.sim = 'ready';
      return 'SIM ready';
    case 'pin':
      simulator.sim = 'pin';
      return 'SIM locked with a PIN';
    case 'unregister':
      simulator.registration = 'searching';
      return 'network lost';
    case 'register':
      simulator.registration = 'home';
      return 'registered on the home network';
    case 'fail':
      if (numbers[0] === undefined) throw new Error('fail <code>, e.g. fail 500');
      simulator.failNextSend(numbers[0]);
      return `the next send fails with +CMS ERROR ${numbers[0]}`;
    case 'deliver': {
      const count = simulator.deliver({ reference: numbers[0], statusCode: numbers[1] });
      return `${count} status report${count === 1 ? '' : 's'} sent`;
    }
    case 'list':
      return simulator.messages.length === 0 ? 'nothing sent yet' : simulator.messages.map(describeSms).join('\n');
    case 'silent':
      simulator.silent = true;
      return 'silent';
    case 'speak':
      simulator.silent = false;
      return 'answering again';
    case 'slow':
      simulator.replyDelayMs = numbers[0] ?? 2000;
      return `answers ${simulator.replyDelayMs} ms late`;
    case '':
    case undefined:
      return null;
    default:
      throw new Error(MODEM_COMMANDS);
  }
}
