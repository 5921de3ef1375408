import { describe, expect, it } from 'vitest';
import { ok, refused } from './expect-reply';
import { demoHall, hallPerTest, rid } from './harness';

const halls = hallPerTest();

const ticket = (fields: Record<string, unknown>) => ({ requestId: rid('issue'), ...fields });

describe('policy.priorityPath, enforced by the server and not only by the kiosk', () => {
  it('help_and_proxy: a priority ticket for another window type is refused, naming the type that takes it, and nothing is issued', async () => {
    const { kiosk } = await halls.open();
    const error = await refused(
      kiosk.post('/api/tickets', ticket({ windowType: 'personal', priority: 'elderly' })),
      400,
      'priority_not_offered',
    );
    expect(error.message).toMatch(/^priority: .*window type "help".*not "personal"/);
    expect(error.fields?.map((f) => f.path)).toEqual(['priority']);
    // The refusal took no number: the next personal ticket is still the day's first.
    const normal = await ok('issueTicket', kiosk.post('/api/tickets', ticket({ windowType: 'personal' })));
    expect(normal.ticket.number).toBe('A001');
  });

  it('help_and_proxy: a priority ticket for the 帮办代办 type is taken, marked priority', async () => {
    const { kiosk } = await halls.open();
    const issued = await ok(
      'issueTicket',
      kiosk.post('/api/tickets', ticket({ windowType: 'help', priority: 'elderly' })),
    );
    expect(issued.ticket).toMatchObject({ number: 'K001', windowType: 'help', priority: 'elderly' });
  });

  it('priority_ticket: any window type takes a priority ticket', async () => {
    const hall = demoHall();
    const { kiosk } = await halls.open({
      hall: { ...hall, policy: { ...hall.policy, priorityPath: 'priority_ticket' } },
    });
    const issued = await ok(
      'issueTicket',
      kiosk.post('/api/tickets', ticket({ windowType: 'personal', priority: 'disabled' })),
    );
    expect(issued.ticket).toMatchObject({ number: 'A001', priority: 'disabled' });
  });
});
