import { randomBytes } from 'node:crypto';
import { cardKeys, openCardProof, openIdCardReader, idNumberHash } from '@hallq/devices';
import { PRESET_CARDS, simulatedIdCardReader, type SimulatedIdCardReader } from '@hallq/devices/simulation';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardReaderOn, createIdCardReader, type IdCardReader } from './id-card-reader';

const SECRET = randomBytes(32);
const ZHANG = PRESET_CARDS['zhang-san'];

let line: SimulatedIdCardReader;
let reader: IdCardReader;
let keyFetches = 0;
let keyFails = false;

beforeEach(async () => {
  line = await simulatedIdCardReader();
  keyFetches = 0;
  keyFails = false;
  reader = cardReaderOn({
    open: () => openIdCardReader({ path: line.path, timeouts: { findCard: 300, selectCard: 300, readBaseInfo: 600 } }),
    fetchKey: async () => {
      keyFetches++;
      if (keyFails) throw new Error('server unreachable');
      return SECRET;
    },
    now: () => 1_765_000_000_000,
    intervalMs: 20,
  });
});

afterEach(async () => {
  await reader.close();
  await line.close();
});

describe('the kiosk’s card reader behind the bridge', () => {
  it('gives the page the masked name and a sealed read holding the hash and last four, never the number', async () => {
    line.simulator.placeCard(ZHANG);
    const read = await reader.read(5000);
    expect(read).toEqual({ ok: true, maskedName: '张*', proof: expect.stringMatching(/^c1\./) });
    expect(JSON.stringify(read)).not.toContain(ZHANG.idNumber.slice(0, 14));
    if (!read.ok) return;
    expect(openCardProof(read.proof, cardKeys(SECRET))).toEqual({
      hash: idNumberHash(ZHANG.idNumber, cardKeys(SECRET)),
      last4: '0017',
      readAt: 1_765_000_000_000,
    });
  });

  it('reads a card placed while the page waits, and answers no_card when none comes in time', async () => {
    const waiting = reader.read(5000);
    setTimeout(() => line.simulator.placeCard(ZHANG), 100);
    expect((await waiting).ok).toBe(true);
    line.simulator.removeCard();
    expect(await reader.read(150)).toEqual({ ok: false, reason: 'no_card' });
  });

  it('never looks at the reader while no page waits: a card placed on an idle kiosk is not read', async () => {
    const commands: unknown[] = [];
    line.simulator.on('command', (c) => commands.push(c));
    line.simulator.placeCard(ZHANG);
    await reader.read(0).catch(() => undefined); // opens the port, then stops at once
    commands.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(commands).toEqual([]);
  });

  it('ends an older wait when a newer one starts', async () => {
    const older = reader.read(5000);
    const newer = reader.read(5000);
    expect(await older).toEqual({ ok: false, reason: 'no_card' });
    line.simulator.placeCard(ZHANG);
    expect((await newer).ok).toBe(true);
  });

  it('answers fault for a reader that went silent, and reads again once it answers', async () => {
    line.simulator.placeCard(ZHANG);
    line.simulator.silent();
    expect(await reader.read(3000)).toEqual({ ok: false, reason: 'fault' });
    line.simulator.silent(false);
    expect((await reader.read(3000)).ok).toBe(true);
  });

  it('answers fault while the hall’s key cannot be fetched, and fetches it again at the next wait', async () => {
    keyFails = true;
    line.simulator.placeCard(ZHANG);
    expect(await reader.read(1000)).toEqual({ ok: false, reason: 'fault' });
    keyFails = false;
    expect((await reader.read(1000)).ok).toBe(true);
    await reader.read(100);
    expect(keyFetches).toBe(2);
  });
});

describe('createIdCardReader', () => {
  it('with no reader fitted, says so and never reads a card', async () => {
    const none = createIdCardReader({ idCardReader: 'none' } as Parameters<typeof createIdCardReader>[0]);
    expect(none.fitted).toBe(false);
    expect(await none.read(5000)).toEqual({ ok: false, reason: 'not_fitted' });
  });
});
