/**
 * A simulated ID-card reader on a serial line, for the kiosk PC or a demo:
 *   tsx src/id-card/id-card-simulator-cli.ts [--path /dev/pts/N] [--reply-delay-ms 0]
 * Without --path it makes a socat pty pair, serves one end and prints the other: open the driver on that path.
 * Typed on stdin:
 *   place <preset | JSON record>   remove   slow <ms>   corrupt   silent   speak
 * Presets: zhang-san, ouyang-nana, wang-jianguo (长期, X check digit), ayigul-mamat.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { serveSimulatorLine } from '../serial/simulator-cli-line';
import { IdCardReaderSimulator } from './id-card-simulator';
import { runReaderCommand } from './id-card-simulator-commands';

const { values } = parseArgs({
  options: {
    path: { type: 'string' },
    'reply-delay-ms': { type: 'string', default: '0' },
  },
});

const replyDelayMs = Number(values['reply-delay-ms']);
if (!Number.isFinite(replyDelayMs) || replyDelayMs < 0) {
  console.error(`invalid --reply-delay-ms ${values['reply-delay-ms']}`);
  process.exit(2);
}

const simulator = new IdCardReaderSimulator();
simulator.slow(replyDelayMs);
simulator.on('reply', (r) => {
  if (r.command === 'readBaseInfo' && r.status === 0x90) console.log('card read');
});
const stopLine = await serveSimulatorLine(simulator, { name: 'ID-card reader', baudRate: 115200, path: values.path });

const console_ = createInterface({ input: process.stdin });
console_.on('line', (line) => {
  try {
    const said = runReaderCommand(simulator, line);
    if (said !== null) console.log(said);
  } catch (err) {
    console.error((err as Error).message);
  }
});

const stop = () => {
  stopLine();
  console_.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
