import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const UNIT_PATH = join(REPO_ROOT, 'deploy/linux/hallq.service');
export const WINSW_PATH = join(REPO_ROOT, 'deploy/windows/hallq-service.xml');
export const BUILT_MAIN = join(REPO_ROOT, 'apps/queue-server/dist/main.js');

/** What the service unit says about the process it starts, read from its [Service] section. */
export interface ServiceUnit {
  execStart: string[];
  workingDirectory: string;
  environment: Record<string, string>;
  timeoutStopSec: number;
}

const ServiceSection = z.object({
  ExecStart: z.string().regex(/^\/\S*node(\s|$)/, 'ExecStart: an absolute path to the node binary first'),
  WorkingDirectory: z.string().startsWith('/', 'WorkingDirectory: an absolute path'),
  Environment: z.string().optional(),
  TimeoutStopSec: z.string().regex(/^\d+$/, 'TimeoutStopSec: whole seconds'),
});

/** The unit's [Service] settings as systemd reads them: `Key=Value`, comments and blank lines skipped. */
export function readServiceUnit(path = UNIT_PATH): ServiceUnit {
  const settings: Record<string, string> = {};
  let section = '';
  for (const line of readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())) {
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    if (line.startsWith('[')) {
      section = line;
      continue;
    }
    if (line.endsWith('\\')) throw new Error(`${path}: continued lines are not read here: "${line}"`);
    const at = line.indexOf('=');
    if (section === '[Service]' && at > 0) {
      const key = line.slice(0, at);
      // Several Environment= lines add up, as they do for systemd.
      settings[key] =
        key === 'Environment' && settings[key] ? `${settings[key]} ${line.slice(at + 1)}` : line.slice(at + 1);
    }
  }
  const service = ServiceSection.parse(settings);
  for (const text of [service.ExecStart, service.Environment ?? '']) {
    // systemd's quoting and specifiers (%h) would change the words: this reader would then see other ones.
    if (/["'%$\\]/.test(text)) throw new Error(`${path}: quotes, specifiers and variables are not read here: ${text}`);
  }
  const environment: Record<string, string> = {};
  for (const assignment of (service.Environment ?? '').split(/\s+/).filter(Boolean)) {
    const [name, ...value] = assignment.split('=');
    if (!name || value.length === 0) throw new Error(`${path}: Environment: "${assignment}" is not NAME=value`);
    environment[name] = value.join('=');
  }
  return {
    execStart: service.ExecStart.split(/\s+/),
    workingDirectory: service.WorkingDirectory,
    environment,
    timeoutStopSec: Number(service.TimeoutStopSec),
  };
}

/** Where a test or a benchmark puts what the unit keeps in /etc and /var/lib. */
export interface LocalPaths {
  configPath: string;
  dataDir: string;
  keysDir: string;
  port: number;
}

/**
 * The unit's ExecStart for this machine: this node, the checkout for WorkingDirectory, the given paths and port for the
 * unit's, and loopback (the demo hall file's published secrets are refused elsewhere). Any other absolute path in the
 * arguments is an error, so a new one in the unit is noticed here.
 */
export function localCommand(unit: ServiceUnit, local: LocalPaths) {
  const [, ...args] = unit.execStart;
  const paths: Record<string, string> = {
    '/etc/hallq/hall.yaml': local.configPath,
    '/var/lib/hallq/data': local.dataDir,
    '/var/lib/hallq/keys': local.keysDir,
  };
  const mapped = args.map((arg, i) => {
    if (args[i - 1] === '--port') return String(local.port);
    if (!arg.startsWith('/')) return arg;
    const path = paths[arg];
    if (path === undefined) throw new Error(`the unit's ExecStart names ${arg}, which has no local stand-in here`);
    return path;
  });
  return {
    command: process.execPath,
    args: [...mapped, '--host', '127.0.0.1'],
    cwd: REPO_ROOT,
    // systemd hands a service no environment of the shell that started it: PATH, and what the unit sets.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...unit.environment },
  };
}

export interface RunningService {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Fails with what to do when the server has not been built: this code starts the build's output, never the sources. */
export function assertBuilt(): void {
  if (!existsSync(BUILT_MAIN)) {
    throw new Error(`${BUILT_MAIN} is missing: run "pnpm build" (or "pnpm --filter @hallq/queue-server build") first`);
  }
}

/** Spawns the unit's command as systemd would (no shell) and resolves at the first 200 of GET /api/health. */
export async function startService(unit: ServiceUnit, local: LocalPaths, timeoutMs = 15_000): Promise<RunningService> {
  assertBuilt();
  const { command, args, cwd, env } = localCommand(unit, local);
  // A process group of its own, as a service has a control group of its own: stopService signals all of it.
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let dead = false;
  void exited.then(() => (dead = true));
  const url = `http://127.0.0.1:${local.port}`;
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (dead) throw new Error(`the service exited before answering:\n${out}`);
    if (Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`the service did not answer in time:\n${out}`);
    }
    const status = await fetch(`${url}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { child, url, output: () => out, exited };
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * SIGTERM to the service and every process it started (its password-hashing child), as `systemctl stop` sends it to
 * the unit's control group (KillMode=control-group); SIGKILL after the unit's TimeoutStopSec, as systemd would.
 * Resolves with how the service's main process ended, or 'killed'.
 */
export async function stopService(service: RunningService, timeoutStopSec: number) {
  process.kill(-service.child.pid!, 'SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'killed'>(
    (resolve) => (timer = setTimeout(() => resolve('killed'), timeoutStopSec * 1000)),
  );
  const ended = await Promise.race([service.exited, timeout]);
  clearTimeout(timer);
  if (ended === 'killed') process.kill(-service.child.pid!, 'SIGKILL');
  return ended;
}
