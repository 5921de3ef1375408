import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockDevicePort } from '../serial/test-mock-port';
import { IdCardTimeoutError } from './id-card-errors';
import { PRESET_CARDS } from './id-card-presets';
import { encodeCommand } from './id-card-protocol';
import { idCardReaderOn, type IdCardReaderOptions } from './id-card-reader';
import { IdCardReaderSimulator } from './id-card-simulator';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A reader on serialport's mock binding, with the simulator answering each write as the reader would. */
async function mockReader(options: { split?: boolean; timeouts?: IdCardReaderOptions['timeouts'] } = {}) {
  const simulator = new IdCardReaderSimulator();
  const { port, recording } = await mockDevicePort('IDCARD', 115200, simulator, options);
  const reader = idCardReaderOn(port, { timeouts: options.timeouts ?? {} });
  cleanups.push(() => reader.close());
  return { reader, simulator, recording };
}

describe('the ID-card reader over serialport’s mock binding', () => {
  it('puts exactly find, select and read base information on the wire for one read', async () => {
    const { reader, simulator, recording } = await mockReader();
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    await reader.readCard();
    expect([...recording()]).toEqual([
      ...encodeCommand('findCard'),
      ...encodeCommand('selectCard'),
      ...encodeCommand('readBaseInfo'),
    ]);
  });

  it('puts together answers that arrive one byte at a time', async () => {
    const { reader, simulator } = await mockReader({ split: true });
    simulator.placeCard(PRESET_CARDS['ayigul-mamat']);
    expect(await reader.readCard()).toEqual(PRESET_CARDS['ayigul-mamat']);
  });

  it('asks select too before it calls a card gone, since find alone may miss a card already read', async () => {
    const { reader, simulator, recording } = await mockReader();
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    expect(await reader.isCardPresent()).toBe(true);
    simulator.removeCard();
    const before = recording().length;
    expect(await reader.isCardPresent()).toBe(false);
    expect([...recording().subarray(before)]).toEqual([...encodeCommand('findCard'), ...encodeCommand('selectCard')]);
  });

  it('gives each command its own timeout: a read base information gets longer than a find', async () => {
    const { reader, simulator } = await mockReader({
      timeouts: { findCard: 100, selectCard: 100, readBaseInfo: 3000 },
    });
    simulator.placeCard(PRESET_CARDS['zhang-san']);
    simulator.on('reply', (r) => r.command === 'selectCard' && simulator.silent(true));
    const readSent = new Promise<void>((resolve) => simulator.on('command', (c) => c === 'readBaseInfo' && resolve()));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let outcome: unknown = 'pending';
    const reading = reader.readCard().then(
      () => (outcome = 'read'),
      (e: unknown) => (outcome = e),
    );
    await readSent;
    await vi.advanceTimersByTimeAsync(2999);
    expect(outcome).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await reading;
    expect(outcome).toBeInstanceOf(IdCardTimeoutError);
    expect((outcome as Error).message).toMatch(/read base information \(30 01\) in 3000 ms/);
  });
});
