import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_HALL_PATH, loadHallConfig } from '@hallq/hall-file';
import { createHallClient } from '@hallq/shared/client';
import type { HallConfigInput } from '@hallq/shared/contracts';
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

function spawnServer(
  port: number,
  dataDir: string,
  log: (d: string) => void,
  configPath?: string,
  history = false,
): Running {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...(configPath !== undefined && { HALLQ_CONFIG: configPath }),
    HALLQ_DATA_DIR: dataDir,
    HALLQ_PORT: String(port),
    HALLQ_HOST: '127.0.0.1',
    HALLQ_IGNORE_HOURS: '1',
    // The tests begin in an empty hall, no demo month of history, unless they ask for it.
    ...(!history && { HALLQ_NO_HISTORY: '1' }),
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

/** How a scenario's hall differs from the demo hall. */
export interface HallChanges {
  /** One kiosk's pace limit lifted: a benchmark takes tickets at a machine's pace, where a person takes one in seconds. */
  unpacedKiosk?: boolean;
  /** No floor guides: a kiosk's 呼叫导办 then reaches the clerks of its zone, on their counter panels. */
  withoutFloorGuides?: boolean;
  /** The demo's month of played history before today (the bulletin of last month has a month to tell). */
  withHistory?: boolean;
  /** How notices reach citizens (the demo hall has none: every notice waits for the window). */
  notices?: HallConfigInput['notices'];
}

/** The demo hall with `changes`, as a hall file of its own; undefined when there are none (the built-in demo hall). */
function changedDemoHall(dir: string, changes: HallChanges): string | undefined {
  if (!changes.unpacedKiosk && !changes.withoutFloorGuides && !changes.notices) return undefined;
  const hall = loadHallConfig(DEMO_HALL_PATH);
  const policy = changes.unpacedKiosk
    ? { ...hall.policy, kioskTicketsPerMinute: 1_000_000, kioskTicketBurst: 1_000_000 }
    : hall.policy;
  const staff = changes.withoutFloorGuides ? hall.staff.filter((s) => s.role !== 'floor_guide') : hall.staff;
  const path = join(dir, 'hall.json');
  writeFileSync(path, JSON.stringify({ ...hall, policy, staff, ...(changes.notices && { notices: changes.notices }) }));
  return path;
}

export async function startHallServer(options: { timeoutMs?: number } & HallChanges = {}): Promise<HallServer> {
  // A month of history is played before the server listens: a minute or more on a busy machine.
  const timeoutMs = options.timeoutMs ?? (options.withHistory ? 150_000 : 20_000);
  const dir = mkdtempSync(join(tmpdir(), 'hallq-e2e-'));
  const dataDir = join(dir, 'data');
  const configPath = changedDemoHall(dir, options);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const log = (d: string) => (out += d);
  const output = () => out;
  let running = spawnServer(port, dataDir, log, configPath, options.withHistory);
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
      running = spawnServer(port, dataDir, log, configPath, options.withHistory);
      await waitForHealth(url, running, output, timeoutMs);
    },
  };
}
