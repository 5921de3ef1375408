import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../client/hall-client';
import { fakeHallClient } from './fake-hall-client';
import { makeTicket, makeWindow } from './fixtures';

const REQUEST_ID = 'request-0001';

describe('fakeHallClient', () => {
  it('hands each call to its route’s own mock, with what the page passed', async () => {
    const client = fakeHallClient();
    const answer = { window: makeWindow(3), ticket: makeTicket({ sequence: 1, state: 'called', calls: 1, window: 3 }) };
    client.callNext.mockResolvedValueOnce(answer);
    const input = { params: { id: 3 }, body: { requestId: REQUEST_ID }, token: 'token-c03' };
    await expect(client.call('callNext', input)).resolves.toEqual(answer);
    expect(client.callNext).toHaveBeenCalledWith(input);
    expect(client.recall).not.toHaveBeenCalled();
  });

  it('refuses a request the route would refuse, before the mock sees it', async () => {
    const client = fakeHallClient();
    const refused = client.call('finish', {
      params: { id: 3 },
      body: { requestId: REQUEST_ID, outcome: { kind: 'rejected', reason: '' } },
    });
    await expect(refused).rejects.toBeInstanceOf(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'validation_failed' });
    expect(client.finish).not.toHaveBeenCalled();
  });

  it('throws NetworkError for an answer off the route’s contract, as the real client does', async () => {
    const client = fakeHallClient();
    client.logout.mockResolvedValueOnce({ ok: 'yes' } as never);
    await expect(client.call('logout')).rejects.toBeInstanceOf(NetworkError);
  });

  it('rejects a call whose answer the test never set, naming the route', async () => {
    await expect(fakeHallClient().call('queues')).rejects.toThrow(/no answer set for route queues/);
  });
});
