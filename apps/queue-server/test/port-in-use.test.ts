import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempHall } from './server-process';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

let taken: Server;
let port: number;
beforeAll(async () => {
  taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  port = (taken.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

it('says in one line, with no stack trace, that the port is in use, and exits non-zero', async () => {
  const { configPath, dataDir } = tempHall();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HALLQ_CONFIG: configPath,
    HALLQ_DATA_DIR: dataDir,
    HALLQ_PORT: String(port),
    HALLQ_HOST: '127.0.0.1',
  };
  delete env.INIT_CWD;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PACKAGE_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdout.resume();
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  expect(code).not.toBe(0);
  expect(stderr.trim()).toBe(`port ${port} is in use: another hall running? stop it or choose --port`);
  expect(stderr).not.toMatch(/^\s+at /m);
}, 30_000);
