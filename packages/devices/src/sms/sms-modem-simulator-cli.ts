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
import { SmsModemSimulator } from './sms-modem-simulator';
import { describeSms, runModemCommand } from './sms-modem-simulator-commands';

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

const simulator = new SmsModemSimulator({ replyDelayMs, deliveryDelayMs });
simulator.on('sent', (sms) => console.log(`sent to ${describeSms(sms)}`));
simulator.on('report', (r) => console.log(`status report for ${r.reference}: TP-ST ${r.statusCode}`));
const stopLine = await serveSimulatorLine(simulator, { name: 'SMS modem', baudRate: 115200, path: values.path });

const buttons = createInterface({ input: process.stdin });
buttons.on('line', (line) => {
  try {
    const said = runModemCommand(simulator, line);
    if (said !== null) console.log(said);
  } catch (err) {
    console.error((err as Error).message);
  }
});

const stop = () => {
  stopLine();
  buttons.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
