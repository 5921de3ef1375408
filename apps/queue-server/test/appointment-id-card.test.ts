import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { kioskCardReads } from './card-reads';
import { api, filesUnder, hallPerTest, login, rid } from './harness';

const ID_NUMBER = '54010219900101123X';
const OTHER_ID_NUMBER = '540102198505052345';

const halls = hallPerTest();

async function openHall() {
  const { server, clock, kiosk } = await halls.open();
  const clerk = api(server.url, await login(server.url, 'c02', 'demo'));
  const book = (slotStart: string, extra: Record<string, unknown> = {}) =>
    ok(
      'createAppointment',
      clerk.post('/api/appointments', { requestId: rid('book'), windowType: 'personal', slotStart, ...extra }),
    );
  // The kiosk's main process seals each read; the server sees the hash and last four only.
  const read = await kioskCardReads(kiosk, clock.now);
  const checkIn = (idNumber: string) =>
    kiosk.post('/api/tickets', { idCard: read(idNumber), requestId: rid('check-in') });
  return { server, clock, kiosk, clerk, book, checkIn };
}

describe('appointment check-in by resident ID card', () => {
  it('checks in the appointment booked with the number, with the same refusals as a code', async () => {
    const h = await openHall();
    const booked = await h.book('2025-06-11T11:00:00+08:00', {
      idNumber: ID_NUMBER,
      serviceItem: 'birth-registration',
    });
    expect(booked).not.toHaveProperty('idNumber');

    const early = await refused(h.checkIn(ID_NUMBER), 409, 'appointment_too_early');
    expect(early.opensAt).toBe('2025-06-11T02:30:00.000Z');
    expect(early.message).not.toContain(booked.code);

    h.clock.set('2025-06-11T02:50:00.000Z'); // 10:50
    const ticket = await ok('issueTicket', h.checkIn(ID_NUMBER));
    expect(ticket.ticket).toMatchObject({
      windowType: 'personal',
      serviceItem: 'birth-registration',
      appointment: { code: booked.code, slotStart: '2025-06-11T03:00:00.000Z' },
    });
    await refused(h.checkIn(ID_NUMBER), 409, 'appointment_used');
    // The code of the same appointment is spent too.
    await refused(
      h.kiosk.post('/api/tickets', { appointmentCode: booked.code, requestId: rid() }),
      409,
      'appointment_used',
    );

    await h.book('2025-06-11T11:30:00+08:00', { idNumber: OTHER_ID_NUMBER });
    h.clock.set('2025-06-11T03:46:00.000Z'); // 11:46, sixteen minutes after that slot
    expect((await refused(h.checkIn(OTHER_ID_NUMBER), 409, 'appointment_missed')).message).toMatch(/normal ticket/);
  });

  it('with no appointment today for the number, answers not_found naming idCard, never the number', async () => {
    const h = await openHall();
    await h.book('2025-06-12T10:00:00+08:00', { idNumber: ID_NUMBER }); // tomorrow
    await h.book('2025-06-11T10:10:00+08:00'); // today, booked without an ID number
    const e = await refused(h.checkIn(ID_NUMBER), 404, 'not_found');
    expect(e.fields).toEqual([{ path: 'idCard', message: expect.any(String) }]);
    expect(JSON.stringify(e)).not.toContain(ID_NUMBER.slice(0, 14));
  });

  it('of several appointments today, checks in one whose check-in is open before a nearer one that is missed', async () => {
    const h = await openHall();
    const ten = await h.book('2025-06-11T10:00:00+08:00', { idNumber: ID_NUMBER });
    const quarterToEleven = await h.book('2025-06-11T10:45:00+08:00', { idNumber: ID_NUMBER });
    const afternoon = await h.book('2025-06-11T14:00:00+08:00', { idNumber: ID_NUMBER });
    // 10:20: the 10:00 slot is nearest but missed (15 minutes late at most); the 10:45 one is open (30 minutes early).
    h.clock.set('2025-06-11T02:20:00.000Z');
    expect((await ok('issueTicket', h.checkIn(ID_NUMBER))).ticket.appointment?.code).toBe(quarterToEleven.code);
    // Now the nearest unused one decides the refusal.
    expect((await refused(h.checkIn(ID_NUMBER), 409, 'appointment_missed')).message).not.toContain(ten.code);
    h.clock.set('2025-06-11T05:45:00.000Z'); // 13:45
    expect((await ok('issueTicket', h.checkIn(ID_NUMBER))).ticket.appointment?.code).toBe(afternoon.code);
  });

  it('never names the booking’s code or slot in a refusal by ID number: too early, missed or used', async () => {
    const h = await openHall();
    const booked = await h.book('2025-06-11T11:00:00+08:00', { idNumber: ID_NUMBER });
    const slot = ['2025-06-11T03:00:00.000Z', '03:00', '11:00'];
    const revealsNothing = (error: object) => {
      const { opensAt, ...said } = error as { opensAt?: string };
      const text = JSON.stringify(said);
      expect(text).not.toContain(booked.code);
      for (const s of slot) expect(text).not.toContain(s);
      return opensAt;
    };
    // Too early: only when check-in opens, for the kiosk to say when to come back.
    expect(revealsNothing(await refused(h.checkIn(ID_NUMBER), 409, 'appointment_too_early'))).toBe(
      '2025-06-11T02:30:00.000Z',
    );
    h.clock.set('2025-06-11T02:50:00.000Z');
    await ok('issueTicket', h.checkIn(ID_NUMBER));
    revealsNothing(await refused(h.checkIn(ID_NUMBER), 409, 'appointment_used'));
    const other = await h.book('2025-06-11T11:30:00+08:00', { idNumber: OTHER_ID_NUMBER });
    h.clock.set('2025-06-11T03:46:00.000Z');
    const missed = await refused(h.checkIn(OTHER_ID_NUMBER), 409, 'appointment_missed');
    expect(JSON.stringify(missed)).not.toContain(other.code);
    expect(JSON.stringify(missed)).not.toMatch(/03:30|11:30/);
  });

  it('keeps only a keyed hash and the last four characters: the number is nowhere in the database files', async () => {
    const h = await openHall();
    const booked = await h.book('2025-06-11T11:00:00+08:00', { idNumber: ID_NUMBER });
    h.clock.set('2025-06-11T02:50:00.000Z');
    await ok('issueTicket', h.checkIn(ID_NUMBER));
    await refused(h.checkIn(ID_NUMBER), 409, 'appointment_used');

    const db = new Database(join(h.server.dataDir, 'hallq.sqlite'), { readonly: true });
    const row = db.prepare('SELECT id_hash, id_last4 FROM appointments WHERE code = ?').get(booked.code) as {
      id_hash: string;
      id_last4: string;
    };
    db.close();
    // The key is in its own file, apart from the data folder.
    const secret = Buffer.from(
      readFileSync(join(`${h.server.dataDir}-keys`, 'id_number_hmac.key'), 'utf8').trim(),
      'hex',
    );
    expect(row.id_last4).toBe('123X');
    expect(row.id_hash).toBe(createHmac('sha256', secret).update(ID_NUMBER).digest('hex'));

    // The database, its WAL, the logs and anything else in the data folder: the number appears in none of them.
    for (const file of filesUnder(h.server.dataDir)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(ID_NUMBER), file).toBe(false);
      expect(bytes.includes(ID_NUMBER.slice(0, 14)), file).toBe(false);
    }
  });
});
