import { afterEach, describe, expect, it } from 'vitest';
import { openTestPort } from '../serial/test-mock-port';
import { hasSocat, ptyPair, type PtyPair } from '../locker/pty-pair';
import {
  IdCardBadRecordError,
  IdCardChecksumError,
  IdCardNoCardError,
  IdCardPortGoneError,
  IdCardRemovedError,
  IdCardTimeoutError,
} from './id-card-errors';
import { PRESET_CARDS } from './id-card-presets';
import { openIdCardReader, type IdCardReaderOptions } from './id-card-reader';
import { IdCardReaderSimulator } from './id-card-simulator';
import type { IdCardCommandName } from './id-card-protocol';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const openPort = (path: string) => openTestPort(path, 115200, cleanups);

/** A socat pty pair with the simulator on one end and the driver on the other. */
async function simulatedReader(timeouts: IdCardReaderOptions['timeouts'] = {}) {
  const pair: PtyPair = await ptyPair();
  cleanups.push(() => pair.close());
  const simulator = new IdCardReaderSimulator();
  simulator.attach(await openPort(pair.paths[1]));
  cleanups.push(() => simulator.close());
  const reader = await openIdCardReader({ path: pair.paths[0], timeouts });
  cleanups.push(() => reader.close());
  return { pair, simulator, reader };
}

function commandsSeen(simulator: IdCardReaderSimulator): (IdCardCommandName | null)[] {
  const seen: (IdCardCommandName | null)[] = [];
  simulator.on('command', (c) => seen.push(c));
  return seen;
}

if (!hasSocat()) {
  describe('the ID-card reader over a real pty pair', () => {
    it.skip('needs socat (apt install socat): the serial tests over a pty pair are skipped', () => {});
  });
}

describe.skipIf(!hasSocat())('the ID-card reader over a real pty pair (socat)', () => {
  it('reads the card on the reader by find, select and read base information', async () => {
    const { simulator, reader } = await simulatedReader();
    const seen = commandsSeen(simulator);
    simulator.placeCard(PRESET_CARDS['ouyang-nana']);
    expect(await reader.readCard()).toEqual(PRESET_CARDS['ouyang-nana']);
    expect(seen).toEqual(['findCard', 'selectCard', 'readBaseInfo']);
  });

  it('reads a card valid for life whose ID number ends in X', async () => {
    const { simulator, reader } = await simulatedReader();
    simulator.placeCard(PRESET_CARDS['wang-jianguo']);
    expect(await reader.readCard()).toMatchObject({ validUntil: '长期', idNumber: '21010219501001049X' });
  });

  it('fails with IdCardNoCardError when nothing lies on the reader, after find only', async () => {
    const { simulator, reader } = await simulatedReader();
    const seen = commandsSeen(simulator);
    await expect(reader.readCard()).rejects.toBeInstanceOf(IdCardNoCardError);
    expect(seen).toEqual(['findCard']);
  });

  it('fails with IdCardRemovedError when the card is taken away between find and select', async () => {
    const { simulator, reader } = await simulatedReader();
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    simulator.on('reply', (r) => r.command === 'findCard' && simulator.removeCard());
    await expect(reader.readCard()).rejects.toThrow(IdCardRemovedError);
  });

  it('fails with IdCardRemovedError when the card is taken away between select and read', async () => {
    const { simulator, reader } = await simulatedReader();
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    simulator.on('reply', (r) => r.command === 'selectCard' && simulator.removeCard());
    await expect(reader.readCard()).rejects.toThrow(/left the reader .* before read base information/);
  });

  it('fails with IdCardChecksumError on a corrupted answer, and the next read works', async () => {
    const { simulator, reader } = await simulatedReader();
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    simulator.on('reply', (r) => r.command === 'selectCard' && simulator.corruptNext());
    await expect(reader.readCard()).rejects.toBeInstanceOf(IdCardChecksumError);
    simulator.removeAllListeners('reply');
    expect((await reader.readCard()).idNumber).toBe('110101198503120017');
  });

  it('refuses a card whose ID number fails its check digit with IdCardBadRecordError', async () => {
    const { simulator, reader } = await simulatedReader();
    simulator.placeCard({ ...PRESET_CARDS['zhang-san'], idNumber: '110101198503120018' });
    const error = await reader.readCard().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdCardBadRecordError);
    expect((error as Error).message).toMatch(/idNumber: fails its GB 11643 check digit/);
    expect((error as Error).message).not.toMatch(/11010119/);
  });

  it('waits for a slow reader that answers within the timeout', async () => {
    const { simulator, reader } = await simulatedReader({ findCard: 1000, selectCard: 1000, readBaseInfo: 1000 });
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    simulator.slow(150);
    expect((await reader.readCard()).name).toBe('张三');
  });

  it('fails with IdCardTimeoutError when the reader is silent, and reads again once it speaks', async () => {
    const { simulator, reader } = await simulatedReader({ findCard: 200 });
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    simulator.silent(true);
    const error = await reader.readCard().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdCardTimeoutError);
    expect((error as Error).message).toMatch(/did not answer find card \(20 01\) in 200 ms/);
    simulator.silent(false);
    expect((await reader.readCard()).name).toBe('张三');
  });

  it('fails the command under way with IdCardPortGoneError when the port disappears, and every later one', async () => {
    const { pair, simulator, reader } = await simulatedReader({ findCard: 5000 });
    simulator.silent(true);
    const reading = reader.readCard().catch((e: unknown) => e);
    await new Promise<void>((resolve) => simulator.once('command', () => resolve()));
    await pair.close();
    expect(await reading).toBeInstanceOf(IdCardPortGoneError);
    await expect(reader.readCard()).rejects.toBeInstanceOf(IdCardPortGoneError);
  });

  it('runs reads asked at once one after the other, each read whole', async () => {
    const { simulator, reader } = await simulatedReader();
    const seen = commandsSeen(simulator);
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    simulator.slow(20);
    const [a, b] = await Promise.all([reader.readCard(), reader.readCard()]);
    expect(a).toEqual(b);
    expect(seen).toEqual(['findCard', 'selectCard', 'readBaseInfo', 'findCard', 'selectCard', 'readBaseInfo']);
  });

  it('releases the port on close: a read waiting fails, and the device opens again', async () => {
    const { pair, simulator, reader } = await simulatedReader({ findCard: 5000 });
    simulator.silent(true);
    const reading = reader.readCard().catch((e: unknown) => e);
    await new Promise<void>((resolve) => simulator.once('command', () => resolve()));
    await reader.close();
    expect(await reading).toBeInstanceOf(IdCardPortGoneError);
    const again = await openIdCardReader({ path: pair.paths[0] });
    cleanups.push(() => again.close());
    simulator.silent(false);
    await expect(again.readCard()).rejects.toBeInstanceOf(IdCardNoCardError);
  });
});

describe('opening an ID-card reader', () => {
  it('fails with IdCardPortGoneError when the device does not exist', async () => {
    await expect(openIdCardReader({ path: '/dev/ttyHALLQ-no-reader' })).rejects.toBeInstanceOf(IdCardPortGoneError);
  });
});
