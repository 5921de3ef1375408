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
import { maskedName } from './id-card-data';
import { parseCardInput, PRESET_CARDS } from './id-card-presets';
import { IdCardReaderSimulator } from './id-card-simulator';

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

const usage = `place <${Object.keys(PRESET_CARDS).join('|')}|JSON record>, remove, slow <ms>, corrupt, silent, speak`;
const console_ = createInterface({ input: process.stdin });
console_.on('line', (line) => {
  const text = line.trim();
  const space = text.indexOf(' ');
  const verb = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space + 1);
  try {
    switch (verb) {
      case 'place': {
        const record = parseCardInput(rest);
        simulator.placeCard(record);
        // The console shows no more of the card than the kiosk may.
        console.log(`card placed: ${maskedName(record.name)}`);
        return;
      }
      case 'remove':
        simulator.removeCard();
        console.log('card removed');
        return;
      case 'slow':
        simulator.slow(Number(rest));
        return;
      case 'corrupt':
        simulator.corruptNext();
        return;
      case 'silent':
        simulator.silent(true);
        return;
      case 'speak':
        simulator.silent(false);
        return;
      case '':
        return;
      default:
        console.error(usage);
    }
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
