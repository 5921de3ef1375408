/**
 * Simulated lock-control boards on a serial line, for the locker PC or a demo:
 *   tsx src/locker/lock-simulator-cli.ts [--path /dev/pts/N] [--addresses 1,2] [--reply-delay-ms 0]
 * Without --path it makes a socat pty pair, serves one end and prints the other: open the driver on that path.
 * Door changes are logged on stdout. Typed on stdin, the demo buttons (board defaults to the first address):
 *   close <ch> [board]   jam-shut <ch> [board]   jam-open <ch> [board]   unjam <ch> [board]
 *   silent [board]   speak [board]   doors [board]
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { serveSimulatorLine } from '../serial/simulator-cli-line';
import { LockBoardSimulator } from './lock-board-simulator';

const { values } = parseArgs({
  options: {
    path: { type: 'string' },
    addresses: { type: 'string', default: '1' },
    'reply-delay-ms': { type: 'string', default: '0' },
  },
});

const addresses = values.addresses.split(',').map(Number);
const replyDelayMs = Number(values['reply-delay-ms']);
if (addresses.some((a) => !Number.isInteger(a) || a < 1 || a > 31)) {
  console.error(`invalid --addresses ${values.addresses} (board addresses 1–31, comma separated)`);
  process.exit(2);
}
if (!Number.isFinite(replyDelayMs) || replyDelayMs < 0) {
  console.error(`invalid --reply-delay-ms ${values['reply-delay-ms']}`);
  process.exit(2);
}

const simulator = new LockBoardSimulator({ addresses, replyDelayMs });
simulator.on('door', (e) => console.log(`board ${e.address} lock ${e.channel} ${e.open ? 'open' : 'closed'}`));
const stopLine = await serveSimulatorLine(simulator, {
  name: `lock boards ${addresses.join(', ')}`,
  baudRate: 9600,
  path: values.path,
});

const buttons = createInterface({ input: process.stdin });
buttons.on('line', (line) => {
  const [verb, ...args] = line.trim().split(/\s+/);
  const numbers = args.map(Number);
  try {
    const takesChannel = verb !== 'silent' && verb !== 'speak' && verb !== 'doors';
    const channel = takesChannel ? (numbers[0] ?? NaN) : 0;
    const board = simulator.board((takesChannel ? numbers[1] : numbers[0]) ?? (addresses[0] as number));
    switch (verb) {
      case 'close':
        return board.close(channel);
      case 'jam-shut':
        return board.jamShut(channel);
      case 'jam-open':
        return board.jamOpen(channel);
      case 'unjam':
        return board.unjam(channel);
      case 'silent':
        board.silent = true;
        return;
      case 'speak':
        board.silent = false;
        return;
      case 'doors': {
        const open = Array.from({ length: 24 }, (_, i) => i + 1).filter((ch) => board.isOpen(ch));
        console.log(`board ${board.address} open: ${open.length > 0 ? open.join(' ') : 'none'}`);
        return;
      }
      default:
        console.error('close|jam-shut|jam-open|unjam <ch> [board], silent|speak|doors [board]');
    }
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
