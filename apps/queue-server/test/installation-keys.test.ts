import { mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { kioskCardReads } from './card-reads';
import { ok, refused } from './expect-reply';
import { api, filesUnder, hallPerTest, login, manualClock, rid } from './harness';

const ID_NUMBER = '54010219900101123X';
const halls = hallPerTest();

describe('the keys of the ID-number and pickup-code hashes', () => {
  it('live in their own folder, readable by the server only, and nowhere in the data folder', async () => {
    const { server } = await halls.open();
    const keysDir = `${server.dataDir}-keys`;
    const keys = ['id_number_hmac', 'pickup_code_hmac'].map((name) => {
      const path = join(keysDir, `${name}.key`);
      expect(statSync(path).mode & 0o077, `${name}.key is private`).toBe(0);
      return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    });
    await server.close();
    const db = new Database(join(server.dataDir, 'hallq.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM installation_secrets').pluck().get()).toBe(0);
    db.close();
    for (const file of filesUnder(server.dataDir)) {
      const bytes = readFileSync(file);
      for (const key of keys) expect(bytes.includes(key), file).toBe(false);
    }
  });

  it('the database file alone finds no booking by ID number: without its key file, check-in by ID finds nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hallq-keys-'));
    const clock = manualClock('2025-06-11T02:50:00.000Z');
    const first = await halls.open({ dataDir, clock });
    const clerk = api(first.server.url, await login(first.server.url, 'c02', 'demo'));
    await ok(
      'createAppointment',
      clerk.post('/api/appointments', {
        requestId: rid('book'),
        windowType: 'personal',
        slotStart: '2025-06-11T11:00:00+08:00',
        idNumber: ID_NUMBER,
      }),
    );
    await first.server.close();

    // The same database with its keys folder moved away (a copy of the database taken without it): nothing matches.
    const keysDir = `${dataDir}-keys`;
    renameSync(keysDir, `${keysDir}.away`);
    const stranger = await halls.open({ dataDir, clock });
    // Each kiosk seals with the key its server hands it: a stranger's key hashes the number to nothing booked.
    const checkIn = async (kiosk: typeof stranger.kiosk) =>
      kiosk.post('/api/tickets', {
        idCard: (await kioskCardReads(kiosk, clock.now))(ID_NUMBER),
        requestId: rid('check-in'),
      });
    await refused(checkIn(stranger.kiosk), 404, 'not_found');
    await stranger.server.close();

    // With its key back, the same database finds the booking again.
    rmSync(keysDir, { recursive: true });
    renameSync(`${keysDir}.away`, keysDir);
    const owner = await halls.open({ dataDir, clock });
    await ok('issueTicket', checkIn(owner.kiosk));
  });
});
