import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('/favicon.ico', () => {
  it('answers 200 with an icon image, where a browser asks for it from every page', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect([...body.subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO file's header: reserved 0, type 1 (icon)
  });
});
