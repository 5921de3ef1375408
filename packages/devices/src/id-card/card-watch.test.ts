import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { hasSocat } from '../locker/pty-pair';
import {
  IdCardBadRecordError,
  IdCardPortGoneError,
  IdCardRemovedError,
  type IdCardReaderError,
} from './id-card-errors';
import { PRESET_CARDS } from './id-card-presets';
import { openIdCardReader } from './id-card-reader';
import type { IdCardReaderSimulator } from './id-card-simulator';
import { simulatedIdCardReader } from './simulated-reader';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function watching() {
  const line = await simulatedIdCardReader();
  cleanups.push(() => line.close());
  const reader = await openIdCardReader({ path: line.path });
  cleanups.push(() => reader.close());
  const watch = reader.watchCards({ intervalMs: 10 });
  cleanups.push(() => watch.stop());
  const events: string[] = [];
  const failures: IdCardReaderError[] = [];
  watch.on('card', (record) => events.push(`card ${record.name}`));
  watch.on('removed', () => events.push('removed'));
  watch.on('failed', (err) => {
    events.push(`failed ${err.name}`);
    failures.push(err);
  });
  return { line, simulator: line.simulator, reader, watch, events, failures };
}

/** Resolves after the reader was asked `count` more finds: that many more looks at it. */
function looks(simulator: IdCardReaderSimulator, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const onCommand = (command: string | null) => {
      if (command === 'findCard' && ++seen === count) {
        simulator.off('command', onCommand);
        resolve();
      }
    };
    simulator.on('command', onCommand);
  });
}

describe.skipIf(!hasSocat())('watching the ID-card reader over a real pty pair (socat)', () => {
  it('tells each placement once, and its removal, however long the card stays', async () => {
    const { simulator, watch, events } = await watching();
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    await once(watch, 'card');
    await looks(simulator, 5);
    simulator.removeCard();
    await once(watch, 'removed');
    await looks(simulator, 3);
    simulator.placeCard(PRESET_CARDS['ouyang-nana']);
    await once(watch, 'card');
    await looks(simulator, 3);
    expect(events).toEqual(['card 张三', 'removed', 'card 欧阳娜娜']);
  });

  it('refuses an invalid card once while it stays, and reads the next one', async () => {
    const { simulator, watch, events, failures } = await watching();
    simulator.placeCard({ ...PRESET_CARDS['zhang-san'], idNumber: '110101198503120018' });
    await once(watch, 'failed');
    await looks(simulator, 5);
    simulator.removeCard();
    await looks(simulator, 2);
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    await once(watch, 'card');
    expect(failures[0]).toBeInstanceOf(IdCardBadRecordError);
    expect(events).toEqual(['failed IdCardBadRecordError', 'card 张三']);
  });

  it('tells a card taken away in the middle of its read as failed, not as a card', async () => {
    const { simulator, watch, events, failures } = await watching();
    const taken = (r: { command: string | null }) => {
      if (r.command !== 'selectCard') return;
      simulator.removeCard();
      simulator.off('reply', taken);
    };
    simulator.on('reply', taken);
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    await once(watch, 'failed');
    await looks(simulator, 3);
    expect(failures[0]).toBeInstanceOf(IdCardRemovedError);
    expect(events).toEqual(['failed IdCardRemovedError']);
  });

  it('sends nothing more once stopped, and tells nothing', async () => {
    const { simulator, watch, events } = await watching();
    await looks(simulator, 2);
    await watch.stop();
    let commands = 0;
    simulator.on('command', () => commands++);
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(commands).toBe(0);
    expect(events).toEqual([]);
  });

  it('ends with IdCardPortGoneError when the reader is unplugged', async () => {
    const { line, watch, failures } = await watching();
    await looks(line.simulator, 1);
    const failed = once(watch, 'failed');
    await line.close();
    await failed;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(IdCardPortGoneError);
  });

  it('stops its watches quietly when the reader is closed, and starts no new one', async () => {
    const { reader, simulator, events } = await watching();
    await looks(simulator, 1);
    await reader.close();
    let commands = 0;
    simulator.on('command', () => commands++);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(commands).toBe(0);
    expect(events).toEqual([]);
    expect(() => reader.watchCards()).toThrow(IdCardPortGoneError);
  });
});
