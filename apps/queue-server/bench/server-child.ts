import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HallConfig } from '@hallq/shared/contracts';
import { freePort } from '@hallq/shared/testing/free-port';
import { spawnNode } from './children';
import { JsonClient } from './http-client';
import { sleep } from './stats';

/** The real server (`src/main.ts`) in its own process, as every benchmark starts it. */
export interface BenchServer {
  child: ChildProcess;
  url: string;
  base: URL;
  port: number;
  /** The last lines it printed, for failure messages. */
  output: string[];
}

/**
 * Starts the server on a free loopback port with `hall` written to `hallDir`, its data in `dataDir`, opening hours
 * ignored, and resolves once /api/health answers. `packageDir` is the queue-server package (where src/main.ts is).
 */
export async function startBenchServer(options: {
  hall: HallConfig;
  packageDir: string;
  hallDir: string;
  dataDir: string;
  nodeFlags?: string[];
}): Promise<BenchServer> {
  const port = await freePort();
  const configPath = join(options.hallDir, 'hall.json');
  writeFileSync(configPath, JSON.stringify(options.hall, null, 2));
  const args = [...(options.nodeFlags ?? []), 'src/main.ts', '--port', String(port), '--host', '127.0.0.1'];
  args.push('--data-dir', options.dataDir, '--config', configPath, '--ignore-hours');
  // Every display, clerk and burst request comes from loopback: far more than one real device's connections.
  args.push('--max-connections-per-address', '4096');
  const child = spawnNode(args, { cwd: options.packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const probe = new JsonClient(new URL(url), undefined);
  try {
    for (const end = Date.now() + 30_000; ; await sleep(100)) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output.join('')}`);
      if (Date.now() > end) throw new Error(`the server did not answer /api/health within 30 s:\n${output.join('')}`);
      if ((await probe.get('/api/health', 1000).catch(() => null))?.status === 200) break;
    }
  } finally {
    probe.close();
  }
  return { child, url, base: new URL(url), port, output };
}
