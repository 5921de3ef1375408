import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { createHallClient } from '@hallq/shared/client';
import { freePort } from '@hallq/shared/testing/free-port';

const SERVER_DIR = fileURLToPath(new URL('../../apps/queue-server/', import.meta.url));

/** A real queue server process with the built-in demo hall, opening hours ignored, on a fresh data directory. */
export interface HallServer {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
  /** Stops the process and starts it again on the same port and data: the LAN server going away and coming back. */
  restart(options?: { downMs?: number }): Promise<void>;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  isExited(): boolean;
}

function spawnServer(port: number, dataDir: string, log: (d: string) => void, configPath?: string): Running {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(configPath !== undefined && { HALLQ_CONFIG: configPath }),
    HALLQ_DATA_DIR: dataDir,
    HALLQ_PORT: String(port),
    HALLQ_HOST: '127.0.0.1',
    HALLQ_IGNORE_HOURS: '1',
  };
  delete env.INIT_CWD;
  if (configPath === undefined) delete env.HALLQ_CONFIG;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', log);
  child.stderr!.setEncoding('utf8').on('data', log);
  let exited = false;
  const done = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  return { child, exited: done, isExited: () => exited };
}

async function waitForHealth(url: string, running: Running, output: () => string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  const client = createHallClient({ baseUrl: url, timeoutMs: 1000 });
  while (
    !(await client.call('health').then(
      () => true,
      () => false,
    ))
  ) {
    if (running.isExited()) throw new Error(`the queue server exited before answering:\n${output()}`);
    if (Date.now() > end) {
      running.child.kill('SIGKILL');
      throw new Error(`the queue server did not answer in time:\n${output()}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The demo hall as a hall file of its own, with one kiosk's pace limit lifted: a benchmark takes tickets at a machine's
 * pace, where a person takes one in seconds.
 */
function unpacedDemoHall(dir: string): string {
  const hall = loadHallConfig(DEMO_HALL_PATH);
  const path = join(dir, 'hall.json');
  const policy = { ...hall.policy, kioskTicketsPerMinute: 1_000_000, kioskTicketBurst: 1_000_000 };
  writeFileSync(path, JSON.stringify({ ...hall, policy }));
  return path;
}

export async function startHallServer(
  options: { timeoutMs?: number; unpacedKiosk?: boolean } = {},
): Promise<HallServer> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'hallq-e2e-'));
  const dataDir = join(dir, 'data');
  const configPath = options.unpacedKiosk ? unpacedDemoHall(dir) : undefined;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const log = (d: string) => (out += d);
  const output = () => out;
  let running = spawnServer(port, dataDir, log, configPath);
  await waitForHealth(url, running, output, timeoutMs);

  const stop = async () => {
    if (!running.isExited()) running.child.kill('SIGTERM');
    await running.exited;
  };
  return {
    url,
    dataDir,
    output,
    stop,
    restart: async ({ downMs = 0 } = {}) => {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      running = spawnServer(port, dataDir, log, configPath);
      await waitForHealth(url, running, output, timeoutMs);
    },
  };
}
