import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnMain, tempHall } from './server-process';

let taken: Server;
let port: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

it('says in one line, with no stack trace, that the port is in use, and exits non-zero', async () => {
  const child = spawnMain({ ...tempHall(), port });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout!.resume();
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  expect(code).not.toBe(0);
  expect(stderr.trim()).toBe(`port ${port} is in use: another hall running? stop it or choose --port`);
  expect(stderr).not.toMatch(/^\s+at /m);
}, 30_000);
