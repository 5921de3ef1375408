// The server as the hall's service starts it: deploy/linux/hallq.service's ExecStart, on the build in dist/ (the test
// command builds first; this file builds nothing). deploy/windows/hallq-service.xml is held to the same arguments.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_HALL_PATH } from '@hallq/hall-file';
import { freePort } from '@hallq/shared/testing/free-port';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  WINSW_PATH,
  assertBuilt,
  readServiceUnit,
  startService,
  stopService,
  type LocalPaths,
  type RunningService,
} from './service-unit';

const unit = readServiceUnit();
const started: RunningService[] = [];

async function localPaths(): Promise<LocalPaths> {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-unit-'));
  const configPath = join(dir, 'hall.yaml');
  copyFileSync(DEMO_HALL_PATH, configPath);
  return { configPath, dataDir: join(dir, 'data'), keysDir: join(dir, 'keys'), port: await freePort() };
}

async function start(local: LocalPaths): Promise<RunningService> {
  const service = await startService(unit, local);
  started.push(service);
  return service;
}

const stop = (service: RunningService) => stopService(service, unit.timeoutStopSec);

afterEach(() => {
  for (const service of started.splice(0)) {
    if (service.child.exitCode === null && service.child.signalCode === null) {
      process.kill(-service.child.pid!, 'SIGKILL');
    }
  }
});

describe('the systemd unit on the built server', { timeout: 60_000 }, () => {
  beforeAll(() => assertBuilt());

  it('answers health from compiled JavaScript, with no TypeScript loader in the process', async () => {
    const service = await start(await localPaths());
    const pid = service.child.pid!;
    if (process.platform === 'linux') {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
      expect(cmdline[1]).toBe('apps/queue-server/dist/main.js');
      expect(cmdline.filter((arg) => /tsx|^--(import|loader|require)/.test(arg))).toEqual([]);
      expect(environ.filter((entry) => entry.startsWith('NODE_OPTIONS='))).toEqual([]);
      expect(environ).toContain('NODE_ENV=production');
    }
    expect(service.output()).toContain(`listening on 127.0.0.1:`);
    expect(await stop(service)).toEqual({ code: 0, signal: null });
  });

  it('finds its migrations, favicon, pages and report worker from dist/', async () => {
    const local = await localPaths();
    const service = await start(local);
    const login = await fetch(`${service.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ staffId: 'admin', password: 'admin' }),
    });
    const { token } = (await login.json()) as { token: string };
    const day = new Date().toISOString().slice(0, 10);
    // The report worker is a thread started from dist/worker-boot.mjs and dist/report-worker.js.
    const report = await fetch(`${service.url}/api/reports/summary?from=${day}&to=${day}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(report.status).toBe(200);
    expect((await fetch(`${service.url}/favicon.ico`)).status).toBe(200);
    // The pages are served from apps/*/dist when built, and named as not built otherwise: either way, found.
    const kioskBuilt = existsSync(join(REPO_ROOT, 'apps/kiosk/dist'));
    expect((await fetch(`${service.url}/kiosk/`)).status).toBe(kioskBuilt ? 200 : 503);
    expect(await stop(service)).toEqual({ code: 0, signal: null });
    expect(readdirSync(join(local.dataDir, 'logs')).some((name) => name.endsWith('.log'))).toBe(true);
  });

  it('exits 0 on SIGTERM and starts again on the same data and keys', async () => {
    const local = await localPaths();
    const first = await start(local);
    expect(await stop(first)).toEqual({ code: 0, signal: null });
    const keys = readdirSync(local.keysDir).map((name) => readFileSync(join(local.keysDir, name), 'utf8'));

    const second = await start(local);
    const health = (await (await fetch(`${second.url}/api/health`)).json()) as { storage: { writable: boolean } };
    expect(health.storage.writable).toBe(true);
    expect(await stop(second)).toEqual({ code: 0, signal: null });
    expect(readdirSync(local.keysDir).map((name) => readFileSync(join(local.keysDir, name), 'utf8'))).toEqual(keys);
  });

  it('backs up and restores with the built scripts, without tsx', async () => {
    const local = await localPaths();
    expect(await stop(await start(local))).toEqual({ code: 0, signal: null });
    const backups = join(local.dataDir, '..', 'backups');
    const run = (script: string, args: string[]) =>
      execFileSync(process.execPath, [join(REPO_ROOT, 'apps/queue-server/dist', script), ...args], {
        env: { PATH: process.env.PATH },
        encoding: 'utf8',
      });
    expect(run('backup.js', ['--data-dir', local.dataDir, '--to', backups])).toContain('integrity checked');
    const [backup] = readdirSync(backups);
    const restored = join(local.dataDir, '..', 'restored');
    expect(run('restore.js', ['--from', join(backups, backup!), '--data-dir', restored])).toContain('restored:');
    expect(existsSync(join(restored, 'hallq.sqlite'))).toBe(true);
  });
});

describe('the WinSW service configuration', () => {
  const xml = readFileSync(WINSW_PATH, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const element = (name: string) => {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    if (!match) throw new Error(`${WINSW_PATH}: no <${name}>`);
    return match[1]!.trim();
  };
  /** Where the Windows install keeps what the unit keeps in /etc, /var/lib and /opt. */
  const windowsPath: Record<string, string> = {
    '/etc/hallq/hall.yaml': 'C:\\ProgramData\\HallQ\\hall.yaml',
    '/var/lib/hallq/data': 'C:\\ProgramData\\HallQ\\data',
    '/var/lib/hallq/keys': 'C:\\ProgramData\\HallQ\\keys',
    '/opt/hallq': 'C:\\HallQ',
  };
  const onWindows = (arg: string) => windowsPath[arg] ?? (arg.startsWith('/') ? arg : arg.replaceAll('/', '\\'));

  it("passes node the unit's arguments, in Windows paths", () => {
    expect(element('executable')).toMatch(/\\node\.exe$/);
    expect(element('arguments').split(/\s+/)).toEqual(unit.execStart.slice(1).map(onWindows));
    expect(element('workingdirectory')).toBe(onWindows(unit.workingDirectory));
  });

  it("sets the unit's environment and stop timeout, and restarts on failure", () => {
    const env = Object.fromEntries(
      [...xml.matchAll(/<env name="([^"]+)" value="([^"]*)"\s*\/>/g)].map((m) => [m[1], m[2]]),
    );
    expect(env).toEqual(unit.environment);
    expect(element('stoptimeout')).toBe(`${unit.timeoutStopSec} sec`);
    expect(xml).toMatch(/<onfailure action="restart"/);
  });
});
