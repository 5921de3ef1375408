import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { api, demoHall, hallPerTest, login, rid } from './harness';

const halls = hallPerTest();

function pacedHall() {
  const hall = demoHall();
  return { ...hall, policy: { ...hall.policy, kioskTicketsPerMinute: 6, kioskTicketBurst: 3 } };
}

describe('one kiosk key', () => {
  it('cannot flood the queue: beyond its burst and pace it gets 429 with when to try again, and the day keeps its tickets', async () => {
    const { server, clock, kiosk } = await halls.open({ hall: pacedHall() });
    const issue = () => kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid('flood') });
    const replies = await Promise.all(Array.from({ length: 200 }, issue));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(3);
    const limited = replies.filter((r) => r.status === 429);
    expect(limited).toHaveLength(197);
    expect(limited[0]!.body.error).toMatchObject({ code: 'too_many_requests', retryAfterSeconds: 10 });
    const raw = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { authorization: 'Bearer demo-kiosk', 'content-type': 'application/json' },
      body: JSON.stringify({ windowType: 'personal', requestId: rid('raw') }),
    });
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('10');

    clock.advanceMs(10_000); // a person's pace: one more ticket
    await ok('issueTicket', issue());
    await refused(issue(), 429, 'too_many_requests');
  });

  it('does not hold back staff issuing at the desk', async () => {
    const { server } = await halls.open({ hall: pacedHall() });
    const desk = api(server.url, await login(server.url, 'admin', 'admin'));
    for (let i = 0; i < 10; i++)
      await ok('issueTicket', desk.post('/api/tickets', { windowType: 'personal', requestId: rid('desk') }));
  });

  it('gets each refusal after a second, so a flood gets one answer a second per connection; others are answered meanwhile', async () => {
    const { server, kiosk } = await halls.open({ hall: pacedHall(), limits: { refusalHoldMs: 1000 } });
    const desk = api(server.url, await login(server.url, 'admin', 'admin'));
    const issue = () => kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid('flood') });
    for (let i = 0; i < 3; i++) await ok('issueTicket', issue());
    const order: string[] = [];
    const started = performance.now();
    const refusal = refused(issue(), 429, 'too_many_requests').then(() => order.push('refusal'));
    const walkIn = ok('issueTicket', desk.post('/api/tickets', { windowType: 'personal', requestId: rid('desk') }));
    await Promise.all([refusal, walkIn.then(() => order.push('desk'))]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(order).toEqual(['desk', 'refusal']);
  });
});
