import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER_DIR = fileURLToPath(new URL('../../apps/queue-server/', import.meta.url));

/** A real queue server process with the built-in demo hall, opening hours ignored, on a fresh data directory. */
export interface HallServer {
  url: string;
  dataDir: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startHallServer(options: { timeoutMs?: number } = {}): Promise<HallServer> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'hallq-e2e-')), 'data');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HALLQ_DATA_DIR: dataDir,
    HALLQ_PORT: '0',
    HALLQ_HOST: '127.0.0.1',
    HALLQ_IGNORE_HOURS: '1',
  };
  delete env.INIT_CWD;
  delete env.HALLQ_CONFIG;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );

  const end = Date.now() + (options.timeoutMs ?? 20_000);
  let url: string | undefined;
  while (
    !url ||
    !(await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (exited) throw new Error(`the queue server exited before answering:\n${out}`);
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`the queue server did not answer in time:\n${out}`);
    }
    url ??= /http:\/\/127\.0\.0\.1:(\d+)\/api\/health/.exec(out)?.[0]?.replace('/api/health', '');
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    dataDir,
    output: () => out,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}
