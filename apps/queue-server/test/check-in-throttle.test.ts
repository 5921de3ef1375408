import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, demoHall, hallPerTest, login, rid } from './harness';

const halls = hallPerTest();

function throttledHall() {
  const hall = demoHall();
  return { ...hall, policy: { ...hall.policy, checkInFailuresPerHour: 60, checkInFailureBurst: 5 } };
}

async function openHall() {
  const { server, clock, kiosk } = await halls.open({ hall: throttledHall() });
  const clerk = api(server.url, await login(server.url, 'c02', 'demo'));
  const book = () =>
    ok(
      'createAppointment',
      clerk.post('/api/appointments', {
        requestId: rid('book'),
        windowType: 'personal',
        slotStart: '2025-06-11T10:00:00+08:00',
      }),
    );
  const withCode = (appointmentCode: string) =>
    kiosk.post('/api/tickets', { appointmentCode, requestId: rid('check-in') });
  return { server, clock, kiosk, clerk, book, withCode };
}

describe('guessing appointment codes at a kiosk', () => {
  it('is held after a burst of codes that found nothing: 429 with when to try again, then one a minute', async () => {
    const h = await openHall();
    const booked = await h.book();
    // Guesses sent together cannot outrun the count: each is counted before it runs.
    const guesses = await Promise.all(Array.from({ length: 30 }, (_, i) => h.withCode(String(20_000_000 + i))));
    expect(guesses.filter((r) => r.status === 404)).toHaveLength(5);
    const held = guesses.filter((r) => r.status === 429);
    expect(held).toHaveLength(25);
    expect(held[0]!.body.error).toMatchObject({ code: 'too_many_requests', retryAfterSeconds: 60 });
    // While held, the kiosk's check-ins wait, the right code too: a guesser learns nothing from a hit.
    await refused(h.withCode(booked.code), 429, 'too_many_requests');

    h.clock.advanceMs(60_000);
    const ticket = await ok('issueTicket', h.withCode(booked.code));
    expect(ticket.ticket.appointment?.code).toBe(booked.code);
  });

  it('never holds citizens who check in right, however many, nor walk-in tickets after the burst is spent', async () => {
    const h = await openHall();
    const codes = [];
    for (let i = 0; i < 8; i++) codes.push((await h.book()).code);
    for (const code of codes) await ok('issueTicket', h.withCode(code));
    for (let i = 0; i < 5; i++) await refused(h.withCode(String(30_000_000 + i)), 404, 'not_found');
    await ok('issueTicket', h.kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid('walk-in') }));
  });

  it('holds each caller to its own count: a clerk at the desk is not held by a kiosk that guessed', async () => {
    const h = await openHall();
    const booked = await h.book();
    for (let i = 0; i < 6; i++) await h.withCode(String(40_000_000 + i));
    await refused(h.withCode(booked.code), 429, 'too_many_requests');
    const ticket = await ok(
      'issueTicket',
      h.clerk.post('/api/tickets', { appointmentCode: booked.code, requestId: rid('desk') }),
    );
    expect(ticket.ticket.appointment?.code).toBe(booked.code);
  });

  it('refuses an unknown code without echoing it', async () => {
    const h = await openHall();
    const refusal = await refused(h.withCode('98765432'), 404, 'not_found');
    expect(JSON.stringify(refusal)).not.toContain('98765432');
  });
});
