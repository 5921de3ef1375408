import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, demoHall, hallPerTest, login, rid } from './harness';

const halls = hallPerTest();

/** A clerk of the demo hall (any hour), on Wednesday 11 June 2025 at 10:00, and a way to book a personal slot. */
async function openHall(hall = demoHall()) {
  const { server, clock } = await halls.open({ hall });
  const clerk = api(server.url, await login(server.url, 'c02', 'demo'));
  const book = (slotStart: string) =>
    clerk.post('/api/appointments', { requestId: rid('book'), windowType: 'personal', slotStart });
  return { server, clock, clerk, book };
}

/** A 400 validation_failed naming slotStart, and nothing else. */
async function refusedSlot(reply: ReturnType<Awaited<ReturnType<typeof openHall>>['book']>) {
  const e = await refused(reply, 400, 'validation_failed');
  expect(e.fields?.map((f) => f.path)).toEqual(['slotStart']);
  return e;
}

describe('booking an appointment: the booking horizon', () => {
  it('refuses a slot in year 9999, or one that falls in year 10000 in the hall, with 400 naming slotStart (not a 500)', async () => {
    const h = await openHall();
    await refusedSlot(h.book('9999-12-31T10:00:00+08:00'));
    await refusedSlot(h.book('9999-12-31T23:00:00-08:00')); // 1 January 10000 in Shanghai
    await refusedSlot(h.book('9999-12-31T23:59:59.999-23:59'));
  });

  it('books up to bookingHorizonDays (60 in the demo hall) hall days ahead and refuses the day after', async () => {
    const h = await openHall();
    expect(demoHall().policy.bookingHorizonDays).toBe(60);
    const last = await ok('createAppointment', h.book('2025-08-10T23:30:00+08:00')); // 11 June + 60 days
    expect(last.hallDay).toBe('2025-08-10');
    const e = await refusedSlot(h.book('2025-08-11T00:00:00+08:00'));
    expect(e.message).toMatch(/booking horizon.*60 days.*2025-08-10/);
    await refusedSlot(h.book('2025-06-11T09:59:59+08:00')); // already begun
  });

  it('takes the horizon from the hall file', async () => {
    const hall = demoHall();
    const h = await openHall({ ...hall, policy: { ...hall.policy, bookingHorizonDays: 7 } });
    await ok('createAppointment', h.book('2025-06-18T10:00:00+08:00'));
    await refusedSlot(h.book('2025-06-19T10:00:00+08:00'));
  });
});
