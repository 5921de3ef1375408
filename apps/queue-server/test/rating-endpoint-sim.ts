import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * How the simulated provincial endpoint answers now: `accept` takes each rating (201, or 409 for one it has); `fail`
 * answers 500 and keeps nothing; `hang` keeps nothing and never answers (a request lost on the way); `lose_answer`
 * keeps the rating but never answers (the answer lost on the way back: the hall must send it again, and the endpoint
 * must keep it once).
 */
export type EndpointMode = 'accept' | 'fail' | 'hang' | 'lose_answer';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A provincial 好差评 endpoint over real HTTP, for the uploader's tests: what it was sent (every request as it came,
 * and the ratings it keeps by id in the order it first had them), the repeats it was sent, and a mode the test switches.
 */
export async function startRatingEndpoint(options: { token?: string; path?: string } = {}) {
  const path = options.path ?? '/hcp/api/ratings';
  let mode: EndpointMode = 'accept';
  const requests: ReceivedRequest[] = [];
  const kept = new Map<string, Record<string, unknown>>();
  const duplicates = new Map<string, number>();
  const hanging: ServerResponse[] = [];

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const answer = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (req.method !== 'POST' || req.url !== path) return answer(404, { error: 'no such interface' });
      if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
        return answer(401, { error: 'bad token' });
      }
      if (mode === 'fail') return answer(500, { error: 'the province is down' });
      if (mode === 'hang') return void hanging.push(res);
      const record = JSON.parse(body) as Record<string, unknown>;
      const id = String(record.ratingId);
      const repeat = kept.has(id);
      if (repeat) duplicates.set(id, (duplicates.get(id) ?? 0) + 1);
      else kept.set(id, record);
      if (mode === 'lose_answer') return void hanging.push(res);
      return repeat ? answer(409, { error: 'already have it' }) : answer(201, { ok: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${path}`,
    setMode: (next: EndpointMode) => (mode = next),
    requests: () => [...requests],
    /** The ratings kept, by id, in the order first received. */
    received: () => [...kept.values()],
    receivedIds: () => [...kept.keys()],
    /** How many times each rating came again after the endpoint had it. */
    duplicates: () => Object.fromEntries(duplicates),
    close: async () => {
      for (const res of hanging.splice(0)) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type RatingEndpoint = Awaited<ReturnType<typeof startRatingEndpoint>>;
