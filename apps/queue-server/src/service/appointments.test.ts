import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HallDatabase, openDatabase } from '../db/open-database';
import { HallStore } from '../store/hall-store';
import { demoHall } from '../../test/harness';
import { ApiError } from './api-error';
import { createHallServices } from './hall-services';

const clerk = 'staff:c02';
let n = 0;
const open: HallDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

function database(): HallDatabase {
  const db = openDatabase(mkdtempSync(join(tmpdir(), 'hallq-appointments-')));
  open.push(db);
  return db;
}

/** A draw that goes round the code space in order (1, 2, … 9, 1, …), so a test knows what is drawn. */
function inTurn() {
  let k = 0;
  return (min: number, max: number) => min + (k++ % (max - min));
}

/** The demo hall (any hour) on a hand-moved clock, drawing one-digit appointment codes: nine in all, 1 to 9. */
function hall() {
  let now = new Date('2026-11-23T02:00:00.000Z'); // Monday 23 November 2026, 10:00 in Shanghai
  const db = database();
  const draw = inTurn();
  const draws: number[] = [];
  const svc = createHallServices({
    hall: demoHall(),
    store: new HallStore(db),
    clock: () => now,
    publish: () => {},
    appointmentCodes: {
      digits: 1,
      randomInt: (min, max) => {
        const drawn = draw(min, max);
        draws.push(drawn);
        return drawn;
      },
      tries: 40,
    },
  });
  const book = async (slotStart: string) =>
    (await svc.appointments.create({ requestId: `book-${++n}`, windowType: 'personal', slotStart }, clerk)).body;
  const refusal = (slotStart: string) =>
    book(slotStart).then(
      () => expect.fail('booked'),
      (e: unknown) => e as ApiError,
    );
  return {
    svc,
    db,
    draws,
    book,
    refusal,
    set: (iso: string) => {
      now = new Date(iso);
    },
  };
}

describe('appointment codes', () => {
  it('refuses with 409 appointment_codes_exhausted after a bounded number of draws once every code is held, instead of looping', async () => {
    const h = hall();
    const codes = new Set<string>();
    for (let i = 0; i < 9; i++) codes.add((await h.book(`2026-11-2${4 + (i % 3)}T10:00:00+08:00`)).code);
    expect([...codes].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);

    h.draws.length = 0;
    const e = await h.refusal('2026-11-27T10:00:00+08:00');
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.status]).toEqual(['appointment_codes_exhausted', 409]);
    expect(e.message).toMatch(/no free appointment code/);
    expect(h.draws).toHaveLength(40);
    expect(h.db.read.prepare('SELECT COUNT(*) FROM appointments').pluck().get()).toBe(9);
  });

  it("draws a code again once its appointment's day is past, and check-in by the code finds the new booking", async () => {
    const h = hall();
    const codes: string[] = [];
    // Nine bookings fill the space: three today (Monday), six on Tuesday.
    for (const slot of ['10:30', '11:00', '11:30']) codes.push((await h.book(`2026-11-23T${slot}:00+08:00`)).code);
    for (let i = 0; i < 6; i++) codes.push((await h.book(`2026-11-24T1${i}:00:00+08:00`)).code);
    await expect(h.book('2026-11-25T10:00:00+08:00')).rejects.toMatchObject({ code: 'appointment_codes_exhausted' });

    // Tuesday: Monday's three codes are free again, Tuesday's six are still held.
    h.set('2026-11-24T01:00:00.000Z'); // 09:00
    const reused = await h.book('2026-11-25T10:00:00+08:00');
    expect(codes.slice(0, 3)).toContain(reused.code);
    expect(reused.hallDay).toBe('2026-11-25');

    // Wednesday 09:45: the code checks in Wednesday's booking; Monday's row with the same code stays as it was.
    h.set('2026-11-25T01:45:00.000Z');
    const issued = await h.svc.tickets.issue({ appointmentCode: reused.code, requestId: `in-${++n}` }, 'kiosk:k1');
    expect(issued.body.ticket.appointment).toEqual({ code: reused.code, slotStart: '2026-11-25T02:00:00.000Z' });
    const rows = h.db.read
      .prepare('SELECT hall_day, ticket_id IS NOT NULL AS used FROM appointments WHERE code = ? ORDER BY hall_day')
      .all(reused.code);
    expect(rows).toEqual([
      { hall_day: '2026-11-23', used: 0 },
      { hall_day: '2026-11-25', used: 1 },
    ]);
  });

  it('draws codes of eight digits, never starting with 0, by default', async () => {
    const db = database();
    const svc = createHallServices({
      hall: demoHall(),
      store: new HallStore(db),
      clock: () => new Date('2026-11-23T02:00:00.000Z'),
      publish: () => {},
    });
    const { body } = await svc.appointments.create(
      { requestId: 'book-eight', windowType: 'personal', slotStart: '2026-11-24T10:00:00+08:00' },
      clerk,
    );
    expect(body.code).toMatch(/^[1-9]\d{7}$/);
  });
});
