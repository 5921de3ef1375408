import { describe, expect, it } from 'vitest';
import { TicketStatus } from '@hallq/shared/contracts';
import { ok } from './expect-reply';
import { api, connectStatus, hallPerTest, rid } from './harness';

const halls = hallPerTest();

// The phone page behind the QR code opens in the language the citizen took the ticket in.
describe("the public status carries the ticket's language", () => {
  it('gives the language the ticket was taken in, on the status route and in the status room alike', async () => {
    const { server, kiosk } = await halls.open();
    const issued = await ok(
      'issueTicket',
      kiosk.post('/api/tickets', { windowType: 'personal', language: 'bo', requestId: rid() }),
    );
    const status = await ok('ticketStatus', api(server.url).get(`/api/tickets/status/${issued.statusToken}`));
    expect(TicketStatus.parse(status).language).toBe('bo');
    const phone = halls.keep(await connectStatus(server.url, issued.statusToken));
    expect(phone.statuses[0]).toMatchObject({ number: issued.ticket.number, language: 'bo' });
  });

  it('gives Chinese for a ticket taken without a language', async () => {
    const { server, kiosk } = await halls.open();
    const issued = await ok('issueTicket', kiosk.post('/api/tickets', { windowType: 'personal', requestId: rid() }));
    const status = await ok('ticketStatus', api(server.url).get(`/api/tickets/status/${issued.statusToken}`));
    expect(status.language).toBe('zh');
  });
});
