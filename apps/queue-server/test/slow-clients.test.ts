import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { HallServerOptions } from '../src/server';
import { startTestServer, type TestServer } from './harness';

const servers: TestServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function open(limits: HallServerOptions['limits']) {
  const server = await startTestServer({ limits });
  servers.push(server);
  return server;
}

/** A raw TCP connection (from `localAddress`, loopback by default), with what it received and when it closed. */
function rawClient(port: number, localAddress = '127.0.0.1') {
  const socket = connect({ host: '127.0.0.1', port, localAddress });
  sockets.push(socket);
  let received = '';
  socket.setEncoding('utf8').on('data', (d: string) => (received += d));
  socket.on('error', () => undefined);
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  return { socket, connected, closed, received: () => received };
}

/** Sends a keep-alive GET /api/health and waits for its whole answer. */
async function health(client: ReturnType<typeof rawClient>): Promise<string> {
  await client.connected;
  client.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  const end = Date.now() + 3000;
  while (!/\r\n\r\n[\s\S]*"status"/.test(client.received())) {
    if (Date.now() > end) throw new Error(`no answer: ${JSON.stringify(client.received())}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return client.received();
}

describe('slow clients', () => {
  it('closes a connection that sends its headers and then trickles its body, after the request timeout', async () => {
    const server = await open({ requestTimeoutMs: 600, headersTimeoutMs: 600, checkIntervalMs: 100 });
    const client = rawClient(server.port);
    await client.connected;
    const started = Date.now();
    client.socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{',
    );
    // One byte every 100 ms: never idle, never done.
    const trickle = setInterval(() => client.socket.writable && client.socket.write(' '), 100);
    try {
      const closedAt = await Promise.race([
        client.closed,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('still open after 5 s')), 5000)),
      ]);
      expect(closedAt - started).toBeGreaterThanOrEqual(500);
      expect(client.received()).toMatch(/^HTTP\/1\.1 408|^$/);
    } finally {
      clearInterval(trickle);
    }
  });

  it('refuses connections beyond the cap from one address while the hall answers another', async () => {
    const server = await open({ maxConnectionsPerAddress: 3 });
    const held = [rawClient(server.port), rawClient(server.port), rawClient(server.port)];
    for (const client of held) expect(await health(client)).toMatch(/^HTTP\/1\.1 200/);

    const extra = rawClient(server.port);
    const closedAt = await Promise.race([
      extra.closed,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the extra connection stayed open')), 2000)),
    ]);
    expect(closedAt).toBeGreaterThan(0);
    expect(extra.received()).toBe('');

    // Another client address is not held back by this one's connections.
    expect(await health(rawClient(server.port, '127.0.0.2'))).toMatch(/^HTTP\/1\.1 200/);
    // A held connection still works, and once one closes the address may open another.
    expect(await health(held[0]!)).toMatch(/^HTTP\/1\.1 200/);
    held[1]!.socket.destroy();
    await held[1]!.closed;
    await new Promise((r) => setTimeout(r, 50));
    expect(await health(rawClient(server.port))).toMatch(/^HTTP\/1\.1 200/);
  });
});
