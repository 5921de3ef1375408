import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempHall } from './server-process';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

/** Runs src/main.ts with `env` until it prints its banner or exits; then stops it. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PACKAGE_DIR,
    env: { ...process.env, HALLQ_PORT: '0', INIT_CWD: '', HALLQ_NO_HISTORY: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const take = (d: string) => {
    output += d;
    // Listening: what it listens on is in the banner; that is all this test needs.
    if (output.includes('/api/health')) child.kill('SIGTERM');
  };
  child.stdout.setEncoding('utf8').on('data', take);
  child.stderr.setEncoding('utf8').on('data', take);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('the published demo credentials', () => {
  it('keep the demo hall on this machine unless a host is asked for', { timeout: 20_000 }, async () => {
    const { output } = await runMain({ HALLQ_DATA_DIR: join(mkdtempSync(join(tmpdir(), 'hallq-demo-')), 'data') });
    expect(output).toMatch(/listening on 127\.0\.0\.1:\d+ \(this machine only\)/);
    const hosts = [...output.matchAll(/http:\/\/([^:/]+):\d+\/api\/health/g)].map((m) => m[1]);
    expect(hosts, output).toEqual(['127.0.0.1']);
  });

  it(
    'refuse a hall file of its own that copies them, when it would listen on the network',
    { timeout: 20_000 },
    async () => {
      const { configPath, dataDir } = tempHall();
      const { code, output } = await runMain({
        HALLQ_CONFIG: configPath,
        HALLQ_DATA_DIR: dataDir,
        HALLQ_HOST: '0.0.0.0',
      });
      expect(code).toBe(1);
      expect(output).toContain("staff[0] (c01): the demo hall's password");
      expect(output).toContain('devices.kiosks[0]');
      expect(output).toContain('published with the project');
      expect(output).not.toMatch(/\n\s+at /);
    },
  );
});
