import { maskedName } from './id-card-data';
import { parseCardInput, PRESET_CARDS } from './id-card-presets';
import type { IdCardReaderSimulator } from './id-card-simulator';

export const READER_COMMANDS = `place <${Object.keys(PRESET_CARDS).join('|')}|JSON record>, remove, slow <ms>, corrupt, silent, speak`;

/**
 * One command typed at a simulated reader (its CLI, the demo hall's terminal); answers what to tell the person, or
 * throws with the problem. The answers show no more of a card than the kiosk may: its masked name.
 */
export function runReaderCommand(simulator: IdCardReaderSimulator, line: string): string | null {
  const text = line.trim();
  const space = text.indexOf(' ');
  const verb = space < 0 ? text : text.slice(0, space);
  const rest = space < 0 ? '' : text.slice(space + 1);
  switch (verb) {
    case 'place': {
      const record = parseCardInput(rest);
      simulator.placeCard(record);
      return `card placed: ${maskedName(record.name)}`;
    }
    case 'remove':
      simulator.removeCard();
      return 'card removed';
    case 'slow':
      simulator.slow(Number(rest));
      return `answers ${Number(rest)} ms late`;
    case 'corrupt':
      simulator.corruptNext();
      return 'the next answer goes out corrupted';
    case 'silent':
      simulator.silent(true);
      return 'silent';
    case 'speak':
      simulator.silent(false);
      return 'answering again';
    case '':
      return null;
    default:
      throw new Error(READER_COMMANDS);
  }
}
