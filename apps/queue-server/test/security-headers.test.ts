import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISPLAY_KEY, startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function expectSecurityHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} wss://127.0.0.1:${server.port}`);
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(csp).not.toContain('unsafe-inline');
}

describe('security headers', () => {
  it('a page answer carries the CSP, nosniff, a referrer policy and frame denial', async () => {
    for (const path of ['/kiosk/', '/counter/', '/t/not-a-token']) {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      expectSecurityHeaders(res.headers);
    }
  });

  it('an API answer carries them too, a refusal and an unknown route included', async () => {
    for (const path of ['/api/health', '/api/hall', '/api/no-such-route']) {
      const res = await fetch(`${server.url}${path}`);
      await res.arrayBuffer();
      expectSecurityHeaders(res.headers);
    }
  });
});

/** Connects as the hall display over WebSocket, with the Origin header given (none when undefined). */
function tryConnect(origin: string | undefined): Promise<'connected' | string> {
  const socket = io(server.url, {
    auth: { room: 'hall', token: DISPLAY_KEY },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(origin !== undefined && { extraHeaders: { origin } }),
  });
  return new Promise((resolve) => {
    socket.once('snapshot', () => {
      socket.disconnect();
      resolve('connected');
    });
    socket.once('connect_error', (error) => {
      socket.disconnect();
      resolve(`refused: ${error.message}`);
    });
  });
}

describe('socket.io origin check', () => {
  it('refuses a connection from a foreign origin', async () => {
    expect(await tryConnect('http://evil.example')).toMatch(/^refused/);
    expect(await tryConnect(`http://evil.example:${server.port}`)).toMatch(/^refused/);
  });

  it("accepts a connection from the server's own origin, http or https", async () => {
    expect(await tryConnect(`http://127.0.0.1:${server.port}`)).toBe('connected');
    expect(await tryConnect(`https://127.0.0.1:${server.port}`)).toBe('connected');
  });

  it('accepts a connection with no Origin header (shells, agents, Node clients)', async () => {
    expect(await tryConnect(undefined)).toBe('connected');
  });
});
