import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, createApiClient, fetchJson, NetworkError } from './fetch-json';

const Ok = z.object({ ok: z.literal(true) });
const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refusal = (code: string, extra: object = {}) => ({ error: { code, message: 'no', ...extra } });

describe('createApiClient', () => {
  it('sends the call token over the client token, and POSTs a body as JSON', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(answer(200, { ok: true }));
    const call = createApiClient({ timeoutMs: 1000, token: 'device', fetch });
    await call('/a', Ok);
    await call('/b', Ok, { token: 'staff', body: { x: 1 } });
    expect(fetch.mock.calls.map(([path, init]) => [path, init?.method, init?.headers, init?.body])).toEqual([
      ['/a', 'GET', { accept: 'application/json', authorization: 'Bearer device' }, undefined],
      [
        '/b',
        'POST',
        { accept: 'application/json', authorization: 'Bearer staff', 'content-type': 'application/json' },
        '{"x":1}',
      ],
    ]);
  });

  it('throws a 4xx error body as an ApiError with its fields and opening time', async () => {
    const fields = [{ path: 'staffId', message: 'unknown' }];
    const call = createApiClient({
      timeoutMs: 1000,
      fetch: answer(409, refusal('lunch_break', { fields, opensAt: '2026-11-23T05:30:00.000Z' })),
    });
    await expect(call('/a', Ok)).rejects.toMatchObject({
      name: 'ApiError',
      status: 409,
      code: 'lunch_break',
      message: 'no',
      fields,
      opensAt: '2026-11-23T05:30:00.000Z',
    });
  });

  it('throws NetworkError when there is no refusal to tell: down, a server error, an answer off the contract', async () => {
    const calls = [
      createApiClient({ timeoutMs: 1000, fetch: () => Promise.reject(new TypeError('Failed to fetch')) }),
      createApiClient({ timeoutMs: 1000, fetch: answer(500, refusal('internal')) }),
      createApiClient({ timeoutMs: 1000, fetch: answer(404, 'not found') }),
      createApiClient({ timeoutMs: 1000, fetch: answer(200, { ok: 'yes' }) }),
    ];
    for (const call of calls) await expect(call('/a', Ok)).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('fetchJson', () => {
  it('throws any non-2xx answer as an ApiError, with a null code when there is no error body', async () => {
    vi.stubGlobal('fetch', vi.fn(answer(502, null)));
    try {
      const error: unknown = await fetchJson('/a', Ok).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 502, code: null, fields: [], opensAt: null });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
