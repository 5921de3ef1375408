import { ApiError, NetworkError } from '@hallq/shared/client';
import { describe, expect, it } from 'vitest';
import { demoHall, issued, testDesk, ticket } from '../../test-services';
import { issueRequest, itemsFor } from './selectors';

describe('代取号', () => {
  it('sends a priority group to the 帮办代办 type under help_and_proxy, keeping the item its staff will help with', () => {
    const hall = demoHall();
    const request = issueRequest(
      hall,
      { windowType: 'tax', serviceItem: 'invoice-issuance', priority: 'elderly' },
      'request-1',
    );
    expect(request).toEqual({
      requestId: 'request-1',
      windowType: 'help',
      serviceItem: 'invoice-issuance',
      priority: 'elderly',
    });
  });

  it('marks the ticket priority at the chosen type under priority_ticket', () => {
    const hall = { ...demoHall(), priorityPath: 'priority_ticket' as const };
    expect(issueRequest(hall, { windowType: 'tax', serviceItem: null, priority: 'pregnant' }, 'request-1')).toEqual({
      requestId: 'request-1',
      windowType: 'tax',
      priority: 'pregnant',
    });
  });

  it('offers only the items a type handles, and drops an item the chosen type does not take', () => {
    const hall = demoHall();
    const tax = hall.windowTypes.find((t) => t.code === 'tax')!;
    const personal = hall.windowTypes.find((t) => t.code === 'personal')!;
    expect(itemsFor(hall, tax).every((i) => i.windowType === 'tax')).toBe(true);
    expect(itemsFor(hall, personal)).toHaveLength(hall.serviceItems.length);
    const marriageItem = hall.serviceItems.find((i) => i.windowType === 'marriage')!;
    expect(
      issueRequest(hall, { windowType: 'tax', serviceItem: marriageItem.code, priority: null }, 'r-12345678'),
    ).toEqual({
      requestId: 'r-12345678',
      windowType: 'tax',
    });
  });

  it('takes the number with the guide token and shows it; a lost answer is sent again with the same requestId', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    desk.state().setIssueForm({ windowType: 'personal' });
    desk.api.issueTicket.mockRejectedValueOnce(new NetworkError('timeout'));
    await desk.state().issueTicket();
    expect(desk.state().issuing.failure?.code).toBe('network');
    desk.api.issueTicket.mockResolvedValueOnce(issued(ticket('A007')));
    await desk.state().issueTicket();
    expect(desk.api.issueTicket.mock.calls.map(([input]) => input)).toEqual([
      { token: 'tok-g01', body: { requestId: 'request-1', windowType: 'personal' } },
      { token: 'tok-g01', body: { requestId: 'request-1', windowType: 'personal' } },
    ]);
    expect(desk.state().issued).toMatchObject({ ticket: { number: 'A007' }, peopleAhead: 4, estimatedWaitMinutes: 16 });
    expect(desk.state().issueForm).toEqual({ windowType: null, serviceItem: null, priority: null });
  });

  it('takes a new requestId after a refusal, or when the guide changes the choice', async () => {
    const desk = testDesk({ loggedIn: true });
    await desk.online();
    desk.state().setIssueForm({ windowType: 'marriage' });
    desk.api.issueTicket.mockRejectedValueOnce(new ApiError(409, 'cap_reached', 'marriage: daily cap reached'));
    await desk.state().issueTicket();
    expect(desk.state().issuing).toMatchObject({ requestId: null, failure: { code: 'cap_reached' } });
    desk.api.issueTicket.mockRejectedValueOnce(new NetworkError('timeout'));
    await desk.state().issueTicket();
    desk.state().setIssueForm({ windowType: 'personal' });
    desk.api.issueTicket.mockResolvedValueOnce(issued(ticket('A008')));
    await desk.state().issueTicket();
    expect(desk.api.issueTicket.mock.calls.map(([input]) => input.body.requestId)).toEqual([
      'request-1',
      'request-2',
      'request-3',
    ]);
  });
});
