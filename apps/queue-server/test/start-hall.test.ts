import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '@hallq/shared/testing/free-port';

/** `npm run hall` after its build: scripts/start-hall.ts, from the repository root. */
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let hall: ChildProcess | undefined;
afterEach(() => {
  if (hall?.pid !== undefined && hall.exitCode === null && hall.signalCode === null) hall.kill('SIGKILL');
});

/** Starts the whole demo hall (server, virtual printer, demo locker) on free ports and a temporary data directory. */
async function startHall(options: { launcher?: boolean } = {}) {
  const [serverPort, printerPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HALLQ_PORT: String(serverPort),
    HALLQ_PRINTER_PORT: String(printerPort),
    HALLQ_NO_HISTORY: '1',
  };
  delete env.INIT_CWD;
  delete env.HALLQ_CONFIG;
  const dataDir = join(mkdtempSync(join(tmpdir(), 'hallq-start-')), 'data');
  const args = [
    '--import',
    'tsx',
    'scripts/start-hall.ts',
    '--host',
    '127.0.0.1',
    '--data-dir',
    dataDir,
    '--ignore-hours',
  ];
  hall = options.launcher
    ? // As a package manager runs a script: a shell between, the script's name in the environment. `; true` keeps
      // the shell from handing its process over to node.
      spawn('sh', ['-c', `"${process.execPath}" ${args.map((a) => `'${a}'`).join(' ')}; true`], {
        cwd: REPO_ROOT,
        env: { ...env, npm_lifecycle_event: 'hall' },
        stdio: ['ignore', 'ignore', 'pipe'],
      })
    : spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  hall.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => hall!.once('exit', (code) => resolve(code)));
  await eventually(
    () =>
      fetch(`http://127.0.0.1:${serverPort}/api/health`).then(
        (r) => r.ok,
        () => false,
      ),
    20_000,
    `the hall to answer:\n${stderr}`,
  );
  await eventually(async () => !(await portFree(printerPort)), 10_000, `the printer to listen:\n${stderr}`);
  return { child: hall, serverPort, printerPort, exited, stderr: () => stderr };
}

describe('npm run hall (scripts/start-hall.ts)', () => {
  it('stops the server and the virtual printer with it on SIGTERM, freeing their ports', async () => {
    const started = await startHall();
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
    await eventually(() => portFree(started.serverPort), 5000, 'the server port to be free');
    await eventually(() => portFree(started.printerPort), 5000, 'the printer port to be free');
  }, 60_000);

  it('stops them too when it is killed outright, as they watch it', async () => {
    const started = await startHall();
    started.child.kill('SIGKILL');
    await started.exited;
    await eventually(() => portFree(started.serverPort), 10_000, 'the server port to be free');
    await eventually(() => portFree(started.printerPort), 10_000, 'the printer port to be free');
  }, 60_000);

  it('stops them when the process that launched it ends (npm stopped by its PID)', async () => {
    const started = await startHall({ launcher: true });
    started.child.kill('SIGTERM'); // the shell alone, as npm is: the hall is not signalled
    await started.exited;
    await eventually(() => portFree(started.serverPort), 10_000, 'the server port to be free');
    await eventually(() => portFree(started.printerPort), 10_000, 'the printer port to be free');
  }, 60_000);
});
