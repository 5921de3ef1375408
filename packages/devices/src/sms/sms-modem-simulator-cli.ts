/**
 * A simulated SMS modem on a serial line, for a demo or a PC without a modem:
 *   tsx src/sms/sms-modem-simulator-cli.ts [--path /dev/pts/N] [--reply-delay-ms 0] [--delivery-delay-ms 2000]
 * Without --path it makes a socat pty pair, serves one end and prints the other: open the driver on that path.
 * Texts it sends are logged on stdout, the number masked. Typed on stdin, the demo buttons:
 *   nosim | sim | pin          take the SIM out, put it back, lock it with a PIN
 *   unregister | register      lose the network, find it again
 *   fail <code>                fail the next send with +CMS ERROR <code> (e.g. 500, 331, 42)
 *   deliver [ref] [status]     send the status reports owed (TP-ST 0 unless told, e.g. 70 for expired)
 *   list                       what was sent
 *   silent | speak | slow <ms> hang, recover, answer slowly
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { serveSimulatorLine } from '../serial/simulator-cli-line';
import { SmsModemSimulator, type SimulatedSms } from './sms-modem-simulator';

const { values } = parseArgs({
  options: {
    path: { type: 'string' },
    'reply-delay-ms': { type: 'string', default: '0' },
    'delivery-delay-ms': { type: 'string' },
  },
});

function milliseconds(value: string, flag: string): number {
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) {
    console.error(`invalid ${flag} ${value} (milliseconds, 0 or more)`);
    process.exit(2);
  }
  return ms;
}

const replyDelayMs = milliseconds(values['reply-delay-ms'], '--reply-delay-ms');
const deliveryDelay = values['delivery-delay-ms'];
const deliveryDelayMs = deliveryDelay === undefined ? null : milliseconds(deliveryDelay, '--delivery-delay-ms');

/** The recipient with all but its last four digits hidden: the terminal of a demo is still a screen people see. */
const masked = (number: string) => number.replace(/\d(?=\d{4})/g, '*');
const describe = (sms: SimulatedSms) => `${masked(sms.recipient)} [${sms.references.join(' ')}]: ${sms.text}`;

const simulator = new SmsModemSimulator({ replyDelayMs, deliveryDelayMs });
simulator.on('sent', (sms) => console.log(`sent to ${describe(sms)}`));
simulator.on('report', (r) => console.log(`status report for ${r.reference}: TP-ST ${r.statusCode}`));
const stopLine = await serveSimulatorLine(simulator, { name: 'SMS modem', baudRate: 115200, path: values.path });

const buttons = createInterface({ input: process.stdin });
buttons.on('line', (line) => {
  const [verb, ...args] = line.trim().split(/\s+/);
  const numbers = args.map(Number);
  if (numbers.some((n) => !Number.isInteger(n) || n < 0)) {
    console.error('numbers must be whole and 0 or more');
    return;
  }
  switch (verb) {
    case 'nosim':
      simulator.sim = 'absent';
      return;
    case 'sim':
      simulator.sim = 'ready';
      return;
    case 'pin':
      simulator.sim = 'pin';
      return;
    case 'unregister':
      simulator.registration = 'searching';
      return;
    case 'register':
      simulator.registration = 'home';
      return;
    case 'fail':
      if (numbers[0] === undefined) console.error('fail <code>, e.g. fail 500');
      else simulator.failNextSend(numbers[0]);
      return;
    case 'deliver': {
      const count = simulator.deliver({ reference: numbers[0], statusCode: numbers[1] });
      console.log(`${count} status report${count === 1 ? '' : 's'} sent`);
      return;
    }
    case 'list':
      for (const sms of simulator.messages) console.log(describe(sms));
      if (simulator.messages.length === 0) console.log('nothing sent yet');
      return;
    case 'silent':
      simulator.silent = true;
      return;
    case 'speak':
      simulator.silent = false;
      return;
    case 'slow':
      simulator.replyDelayMs = numbers[0] ?? 2000;
      return;
    default:
      console.error(
        'nosim|sim|pin, unregister|register, fail <code>, deliver [ref] [status], list, silent|speak|slow <ms>',
      );
  }
});

const stop = () => {
  stopLine();
  buttons.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
