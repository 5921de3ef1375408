import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HallConfig } from '@hallq/shared/contracts';
import { demoHall } from './harness';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** A real `src/main.ts` in its own process: what an operator runs, killed the way a power cut would. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Everything printed so far, for failure messages. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Writes a hall file (the demo hall, hours ignored, by default) and makes a data directory, both temporary. */
export function tempHall(hall: HallConfig = demoHall()): { configPath: string; dataDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-proc-'));
  const configPath = join(dir, 'hall.json');
  writeFileSync(configPath, JSON.stringify(hall, null, 2));
  return { configPath, dataDir: join(dir, 'data') };
}

/** `node --import tsx src/main.ts` on `port` (0: a free one, told in its banner), its output piped, hours as configured. */
export function spawnMain(options: { configPath: string; dataDir: string; port?: number }): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HALLQ_CONFIG: options.configPath,
    HALLQ_DATA_DIR: options.dataDir,
    HALLQ_PORT: String(options.port ?? 0),
    HALLQ_HOST: '127.0.0.1',
  };
  delete env.INIT_CWD;
  delete env.HALLQ_IGNORE_HOURS;
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PACKAGE_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Starts `src/main.ts` on a free port (port 0, read back from its banner) and resolves once /api/health answers.
 */
export async function spawnServer(options: { configPath: string; dataDir: string; timeoutMs?: number }) {
  const child = spawnMain(options);
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let dead = false;
  void exited.then(() => (dead = true));

  const end = Date.now() + (options.timeoutMs ?? 15_000);
  let url: string | undefined;
  for (;;) {
    if (dead) throw new Error(`the server exited before answering:\n${out}`);
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer in time:\n${out}`);
    }
    url ??= /http:\/\/127\.0\.0\.1:(\d+)\/api\/health/.exec(out)?.[0]?.replace('/api/health', '');
    if (url) {
      const ok = await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const server: ServerProcess = { child, url, output: () => out, exited };
  return server;
}

/** Kills the process if it still runs (for afterAll: whatever happened, no server is left behind). */
export async function killServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
