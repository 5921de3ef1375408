import { describe, expect, it, vi } from 'vitest';
import { createHallClient, NetworkError, routePath } from './hall-client';

const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refusal = (code: string, extra: object = {}) => ({ error: { code, message: 'no', ...extra } });
/** A guide call as the kiosk is told it (the public view); staff are told it whole. */
const kioskCall = { id: 'g/1', kiosk: 'k1', calledAt: '2026-11-23T02:00:00.000Z', answeredAt: null };
const guideCall = { ...kioskCall, zone: 'A', reason: 'general', answeredBy: null };

describe('createHallClient', () => {
  it('takes path, method and answer schema from the route; sends the call token over the client token', async () => {
    const fetch = vi
      .fn<typeof globalThis.fetch>(answer(200, { call: guideCall }))
      .mockImplementationOnce(answer(200, { call: kioskCall }));
    const client = createHallClient({ timeoutMs: 1000, token: 'device', fetch, baseUrl: 'http://hall:8080' });
    await client.call('guideCall', { params: { id: 'g/1' } });
    await client.call('answerGuide', { params: { id: 'g/1' }, body: { requestId: 'r-1' }, token: 'staff' });
    expect(fetch.mock.calls.map(([path, init]) => [path, init?.method, init?.headers, init?.body])).toEqual([
      [
        'http://hall:8080/api/guide-calls/g%2F1',
        'GET',
        { accept: 'application/json', authorization: 'Bearer device' },
        undefined,
      ],
      [
        'http://hall:8080/api/guide-calls/g%2F1/answer',
        'POST',
        { accept: 'application/json', authorization: 'Bearer staff', 'content-type': 'application/json' },
        '{"requestId":"r-1"}',
      ],
    ]);
  });

  it('sends no authorization when the call says token null', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(answer(200, { ok: true }));
    const client = createHallClient({ timeoutMs: 1000, token: 'device', fetch });
    await client.call('logout', { token: null });
    expect(fetch.mock.calls[0]![1]?.headers).toEqual({
      accept: 'application/json',
      'content-type': 'application/json',
    });
    expect(fetch.mock.calls[0]![1]?.body).toBe('{}');
  });

  it("sends a route's query in the URL, leaving out what the call does not set", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      answer(200, {
        from: '2025-06-01',
        to: '2025-06-30',
        by: 'hall',
        scope: { kind: 'hall' },
        filter: {},
        groups: [],
      }),
    );
    const client = createHallClient({ timeoutMs: 1000, fetch, baseUrl: 'http://hall:8080' });
    await client.call('reportSummary', { query: { from: '2025-06-01', to: '2025-06-30' } });
    expect(fetch.mock.calls[0]![0]).toBe('http://hall:8080/api/reports/summary?from=2025-06-01&to=2025-06-30');
  });

  it('builds window action paths from the action name (noShow → no-show)', () => {
    expect(routePath('noShow', { id: 3 })).toBe('/api/windows/3/no-show');
    expect(routePath('callNext', { id: 12 })).toBe('/api/windows/12/call-next');
  });

  it('throws a 4xx error body as an ApiError with its fields and opening time', async () => {
    const fields = [{ path: 'staffId', message: 'unknown' }];
    const client = createHallClient({
      timeoutMs: 1000,
      fetch: answer(409, refusal('lunch_break', { fields, opensAt: '2026-11-23T05:30:00.000Z' })),
    });
    await expect(client.call('queues')).rejects.toMatchObject({
      name: 'ApiError',
      status: 409,
      code: 'lunch_break',
      message: 'no',
      fields,
      opensAt: '2026-11-23T05:30:00.000Z',
    });
  });

  it('tells how long to wait when a limit is met (429)', async () => {
    const client = createHallClient({
      timeoutMs: 1000,
      fetch: answer(429, refusal('too_many_requests', { retryAfterSeconds: 30 })),
    });
    await expect(client.call('queues')).rejects.toMatchObject({ status: 429, retryAfterSeconds: 30 });
  });

  it('throws NetworkError when there is no refusal to tell: down, a server error, an answer off the contract', async () => {
    const clients = [
      createHallClient({ timeoutMs: 1000, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }),
      createHallClient({ timeoutMs: 1000, fetch: answer(500, refusal('internal')) }),
      createHallClient({ timeoutMs: 1000, fetch: answer(404, 'not found') }),
      createHallClient({ timeoutMs: 1000, fetch: answer(200, { ok: 'yes' }) }),
    ];
    for (const client of clients) await expect(client.call('logout')).rejects.toBeInstanceOf(NetworkError);
  });

  it('downloads a file route with the token, naming the file by its UTF-8 filename*; a refusal is still ApiError', async () => {
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () =>
        new Response(new Uint8Array([0x50, 0x4b]), {
          status: 200,
          headers: {
            'content-type': xlsx,
            'content-disposition': `attachment; filename="bulletin-2026-11.xlsx"; filename*=UTF-8''${encodeURIComponent('月度通报-2026-11.xlsx')}`,
          },
        }),
    );
    const client = createHallClient({ timeoutMs: 1000, fetch, baseUrl: 'http://hall:8080' });
    const file = await client.download('reportBulletinWorkbook', { query: { month: '2026-11' }, token: 'staff' });
    expect(file.filename).toBe('月度通报-2026-11.xlsx');
    expect([...new Uint8Array(await file.blob.arrayBuffer())]).toEqual([0x50, 0x4b]);
    expect(fetch.mock.calls[0]![0]).toBe('http://hall:8080/api/reports/bulletin.xlsx?month=2026-11');
    expect(fetch.mock.calls[0]![1]?.headers).toEqual({ accept: xlsx, authorization: 'Bearer staff' });

    const refusing = createHallClient({ timeoutMs: 1000, fetch: answer(403, refusal('forbidden')) });
    await expect(refusing.download('reportBulletinWorkbook', { query: { month: '2026-11' } })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
    });
  });
});
